export {
  type ReliabilityDiagram,
  type ReliabilityDiagramOptions,
  type ReliabilityRow,
  reliabilityDiagram,
} from './reliabilityDiagram.js';
