/**
 * The CPU time of a process's finished children, from Linux's /proc.
 */

// Linux reports /proc times in USER_HZ, 100 a second on every platform it
// runs on (the kernel converts from its own tick rate).
const USER_HZ = 100;

/**
 * User + system CPU time of the waited-for children of a process, in ms,
 * from the text of its /proc/PID/stat (fields 16 and 17, cutime and
 * cstime). The command name (field 2) may hold spaces and parentheses, so
 * fields are counted from the last ")".
 * @param stat the text of /proc/PID/stat
 */
export function childrenCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state): cutime is field 16, cstime field 17.
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  if (!Number.isInteger(cutime) || !Number.isInteger(cstime))
    throw new Error(
      `Cannot read children's CPU time, expected /proc/PID/stat, got "${stat.slice(0, 60)}"`,
    );
  return ((cutime + cstime) * 1000) / USER_HZ;
}
