/**
 * A Web Audio stand-in that records the frequency of each oscillator started, in
 * `globalThis.tones`, as the app's sound module (renderer/app/sound.ts) would play them.
 * Self-contained so Playwright can also install it in a page (`page.addInitScript`).
 */
export function installRecordingAudio(): void {
  // One list for good, emptied: an audio context the app already made keeps recording into it.
  const tones: number[] = (globalThis as { tones?: number[] }).tones ?? [];
  tones.length = 0;
  class RecordingAudioContext {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume = async () => undefined;
    createOscillator() {
      const oscillator = {
        type: '',
        frequency: { value: 0 },
        connect: (node: unknown) => node,
        start: () => tones.push(oscillator.frequency.value),
        stop: () => undefined,
      };
      return oscillator;
    }
    createGain() {
      const ramp = () => undefined;
      return { gain: { setValueAtTime: ramp, exponentialRampToValueAtTime: ramp }, connect: (node: unknown) => node };
    }
  }
  Object.assign(globalThis, { tones, AudioContext: RecordingAudioContext });
}

/** The tones recorded so far. */
export function recordedTones(): number[] {
  return (globalThis as unknown as { tones: number[] }).tones;
}
