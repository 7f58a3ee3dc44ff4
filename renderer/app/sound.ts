import type { PaymentState } from '../../shared/payment.ts';

/**
 * Short tones from a Web Audio oscillator: no audio file to ship, nothing for the CSP to allow.
 * Sound is a courtesy: any failure (no audio device, autoplay policy) is silently ignored, and
 * the owner can switch it off (settings: paymentSounds).
 */
type Note = { frequency: number; start: number; length: number };

export type OutcomeSound = 'paid' | 'failed' | 'attention' | 'late';

/**
 * Paid rises, failed falls low twice, partial or expired is one low tone; a late payment found
 * (money arrived for a sale the counter had closed: someone must act) is a high two-tone call
 * repeated, unlike any sale's outcome: told apart by ear.
 */
export const OUTCOME_NOTES: Readonly<Record<OutcomeSound, readonly Note[]>> = {
  paid: [
    { frequency: 880, start: 0, length: 0.15 },
    { frequency: 1318.5, start: 0.14, length: 0.3 },
  ],
  failed: [
    { frequency: 392, start: 0, length: 0.2 },
    { frequency: 220, start: 0.22, length: 0.45 },
  ],
  attention: [{ frequency: 330, start: 0, length: 0.35 }],
  late: [
    { frequency: 1046.5, start: 0, length: 0.12 },
    { frequency: 784, start: 0.14, length: 0.12 },
    { frequency: 1046.5, start: 0.28, length: 0.12 },
    { frequency: 784, start: 0.42, length: 0.2 },
  ],
};

/** The sound a payment reaching this state makes, if any. */
export function soundForState(state: PaymentState): OutcomeSound | null {
  if (state === 'paid') return 'paid';
  if (state === 'failed') return 'failed';
  if (state === 'partially_paid' || state === 'expired') return 'attention';
  return null;
}

let enabled = true;

/** The owner's setting, applied by the app shell whenever the settings load or change. */
export function setPaymentSoundsEnabled(on: boolean): void {
  enabled = on;
}

/** Plays the sound of a state the payment just reached (nothing when sounds are off). */
export function playOutcomeSound(state: PaymentState): void {
  const sound = soundForState(state);
  if (enabled && sound !== null) play(OUTCOME_NOTES[sound]);
}

/** A late payment was found (issue 16): its own call, not a sale's outcome tone, when sounds are on. */
export function playLateSound(): void {
  if (enabled) play(OUTCOME_NOTES.late);
}

/** The few Web Audio members used, typed here so the module also type-checks without the DOM library. */
interface AudioParamLike {
  value: number;
  setValueAtTime(value: number, time: number): unknown;
  exponentialRampToValueAtTime(value: number, time: number): unknown;
}
interface AudioNodeLike {
  connect<T>(destination: T): T;
}
interface AudioLike {
  state: string;
  currentTime: number;
  destination: unknown;
  resume(): Promise<void>;
  createOscillator(): AudioNodeLike & { type: string; frequency: AudioParamLike; start(at: number): void; stop(at: number): void };
  createGain(): AudioNodeLike & { gain: AudioParamLike };
}

let context: AudioLike | null = null;

function play(notes: readonly Note[]): void {
  try {
    const AudioContextClass = (globalThis as { AudioContext?: new () => AudioLike }).AudioContext;
    if (AudioContextClass === undefined) return;
    context ??= new AudioContextClass();
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
