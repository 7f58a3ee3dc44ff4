/**
 * Sets the process's local time zone (Node re-reads TZ when it is assigned) and returns how to put
 * the one before back: tests of the shop's day run in WIB whatever the machine's zone.
 */
export function setTimeZone(zone: string): () => void {
  const before = process.env.TZ;
  process.env.TZ = zone;
  return () => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  };
}
