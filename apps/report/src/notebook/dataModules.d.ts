// Data files the notebook worker's build inlines as text (scripts/buildNotebook.mjs).
declare module 'lslab-data:*' {
  export const text: string;
}
