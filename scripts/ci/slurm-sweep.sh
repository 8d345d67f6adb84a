#!/usr/bin/env bash
# CI: a real Slurm job array runs a sharded sweep, and its merge must equal a
# local unsharded run byte for byte.
#
# Installs Debian's slurmctld, slurmd, slurm-client and munge (apt, with a lock
# timeout), starts a one-node cluster on 127.0.0.1 from a slurm.conf generated
# in a temporary directory (munged, slurmctld and slurmd in the foreground,
# backgrounded here, their PIDs kept), submits deploy/slurm/sweep.sbatch as
# `sbatch --array=0-3`, waits for the array (polling squeue), runs one lost shard again as a
# single task (`--array=2`, SHARDS=4), merges the four shards, compares
# the merge with `lslab sweep` run here without shards, and stops the daemons
# by PID. Needs root (the daemons and jobs run as root) and a built
# apps/report. Prints the wall time of each phase.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
cli="${repo}/apps/report/dist/cli.js"
t0=${EPOCHREALTIME}
since() { awk -v a="$1" -v b="${EPOCHREALTIME}" 'BEGIN { printf "%.1f s", b - a }'; }

# 1. Install (skipped when the daemons are there already).
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq "$@"; }
  apt_get install -y --no-install-recommends slurmctld slurmd slurm-client munge ||
    { apt_get update && apt_get install -y --no-install-recommends slurmctld slurmd slurm-client munge; }
fi
echo "slurm-sweep: installed ($(since "${t0}"))"
[ -f "${cli}" ] || npx -y pnpm@12.4.2 build

# 2. A one-node cluster on 127.0.0.1, everything under a temporary directory.
tmp=$(mktemp -d /tmp/lslab-slurm.XXXXXX)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "${pid}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "${pid}" 2>/dev/null || true; done
}
trap 'status=$?; stop; [ "${status}" -eq 0 ] || tail -n 20 "${tmp}"/*.log "${tmp}"/*.out 2>/dev/null; rm -rf "${tmp}"; exit "${status}"' EXIT
mkdir -p "${tmp}/munge" "${tmp}/state" "${tmp}/spool"
chmod 700 "${tmp}/munge"
head -c 1024 /dev/urandom >"${tmp}/munge/munge.key"
chmod 400 "${tmp}/munge/munge.key"
t1=${EPOCHREALTIME}
munged --foreground --force --socket="${tmp}/munge/munge.socket" --key-file="${tmp}/munge/munge.key" \
  --pid-file="${tmp}/munge/munged.pid" --log-file="${tmp}/munged.log" --seed-file="${tmp}/munge/seed" >"${tmp}/munged.out" 2>&1 &
pids+=($!)
host=$(hostname -s)
export SLURM_CONF="${tmp}/slurm.conf"
cat >"${SLURM_CONF}" <<CONF
ClusterName=lslab-ci
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=${SLURMCTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
AuthType=auth/munge
AuthInfo=socket=${tmp}/munge/munge.socket
CredType=cred/munge
StateSaveLocation=${tmp}/state
SlurmdSpoolDir=${tmp}/spool
SlurmctldPidFile=${tmp}/slurmctld.pid
SlurmdPidFile=${tmp}/slurmd.pid
SlurmctldLogFile=${tmp}/slurmctld.log
SlurmdLogFile=${tmp}/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=${host} NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=30 State=UP
CONF
for _ in $(seq 50); do [ -S "${tmp}/munge/munge.socket" ] && break; sleep 0.1; done
slurmctld -D -i -f "${SLURM_CONF}" >"${tmp}/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "${SLURM_CONF}" >"${tmp}/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  sinfo -h -N -o '%t' 2>/dev/null | grep -qx idle && break
  sleep 0.2
done
sinfo -h -N -o '%N %t' | grep -q idle || { echo "slurm-sweep: the node did not come up" >&2; exit 1; }
echo "slurm-sweep: cluster up ($(since "${t1}"))"

# wait_for JOB: until no task of the job is queued or running (10 min at most;
# sbatch --wait polls with a growing interval, seconds too coarse here), then
# every task must have COMPLETED with exit code 0.
wait_for() {
  local i
  for i in $(seq 3000); do
    [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] && break
    sleep 0.2
  done
  if scontrol -o show job "$1" | grep -v 'JobState=COMPLETED .*ExitCode=0:0' | grep -q .; then
    echo "slurm-sweep: job $1 did not complete:" >&2
    scontrol -o show job "$1" | grep -o 'JobId=[^ ]* .*JobState=[^ ]*\|ExitCode=[^ ]*' >&2
    return 1
  fi
}

# 3. A small grid as a four-task job array, then the merge.
grid="${tmp}/grid.yaml"
cat >"${grid}" <<'GRID'
claim: C7
seed: 2026
replicates: 2
params: { trials: 4 }
axes:
  alpha: [0.05, 0.1, 0.2, 0.4]
  K: [3, 10]
GRID
t2=${EPOCHREALTIME}
job=$(LSLAB="node ${cli}" sbatch --parsable --array=0-3 --output="${tmp}/job-%a.out" \
  --chdir="${tmp}" "${repo}/deploy/slurm/sweep.sbatch" "${grid}" "${tmp}/shards")
wait_for "${job}"
echo "slurm-sweep: 4-task array done ($(since "${t2}"))"
# A lost shard is run again alone, as one task with the array's size named.
rm "${tmp}/shards/shard-2-of-4.manifest.json" "${tmp}/shards/shard-2-of-4.jsonl"
t3=${EPOCHREALTIME}
job=$(LSLAB="node ${cli}" SHARDS=4 sbatch --parsable --array=2 --export=ALL --output="${tmp}/job-again-%a.out" \
  --chdir="${tmp}" "${repo}/deploy/slurm/sweep.sbatch" "${grid}" "${tmp}/shards")
wait_for "${job}"
echo "slurm-sweep: shard 2/4 run again as one task ($(since "${t3}"))"
node "${cli}" merge "${tmp}/shards" --out "${tmp}/merged.jsonl"

# 4. The same grid here, unsharded: the bytes must agree.
node "${cli}" sweep --grid "${grid}" --out "${tmp}/local" --quiet
cmp "${tmp}/merged.jsonl" "${tmp}/local/shard-0-of-1.jsonl"
echo "slurm-sweep: merge of 4 Slurm shards = local run, $(wc -l <"${tmp}/merged.jsonl") rows, byte for byte"
stop
pids=()
echo "slurm-sweep: daemons stopped; total $(since "${t0}")"
