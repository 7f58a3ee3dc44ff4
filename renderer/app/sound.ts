/**
 * Short tones from a Web Audio oscillator: no audio file to ship, nothing for the CSP to allow.
 * Sound is a courtesy: any failure (no audio device, autoplay policy) is silently ignored.
 */
let context: AudioContext | null = null;

function play(notes: ReadonlyArray<{ frequency: number; start: number; length: number }>): void {
  try {
    context ??= new AudioContext();
    const audio = context;
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const now = audio.currentTime;
    for (const note of notes) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      const begin = now + note.start;
      gain.gain.setValueAtTime(0.0001, begin);
      gain.gain.exponentialRampToValueAtTime(0.25, begin + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, begin + note.length);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(begin);
      oscillator.stop(begin + note.length + 0.05);
    }
  } catch {
    // No sound available: the screen says it all.
  }
}

/** A rising two-note chime: paid. */
export function playPaidSound(): void {
  play([
    { frequency: 880, start: 0, length: 0.15 },
    { frequency: 1318.5, start: 0.14, length: 0.3 },
  ]);
}

/** A low single tone: failed, partially paid or expired — look at the screen. */
export function playAttentionSound(): void {
  play([{ frequency: 330, start: 0, length: 0.35 }]);
}
