/**
 * Asks `probe` until `done` holds or `timeoutMs` has passed, and returns its last answer (the caller
 * asserts on it): for what arrives asynchronously, such as a change announcement on its own connection.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await probe();
  }
  return value;
}
