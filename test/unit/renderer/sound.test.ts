import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTCOME_NOTES, playOutcomeSound, setPaymentSoundsEnabled, soundForState } from '../../../renderer/app/sound.ts';
import { PAYMENT_STATES } from '../../../shared/payment.ts';

/** A Web Audio stand-in that records each oscillator's frequency, as the real one would play it. */
const played: number[] = [];
class FakeAudioContext {
  state = 'running';
  currentTime = 0;
  destination = {};
  createOscillator() {
    const oscillator = {
      type: '',
      frequency: { value: 0 },
      connect: (node: unknown) => node,
      start: () => played.push(oscillator.frequency.value),
      stop: () => undefined,
    };
    return oscillator;
  }
  createGain() {
    const ramp = () => undefined;
    return { gain: { setValueAtTime: ramp, exponentialRampToValueAtTime: ramp }, connect: (node: unknown) => node };
  }
  resume = async () => undefined;
}

describe('payment sounds', () => {
  beforeEach(() => {
    played.length = 0;
    (globalThis as { AudioContext?: unknown }).AudioContext = FakeAudioContext;
    setPaymentSoundsEnabled(true);
  });
  afterEach(() => {
    delete (globalThis as { AudioContext?: unknown }).AudioContext;
  });

  it('sounds different for paid and for failed', () => {
    playOutcomeSound('paid');
    const paid = [...played];
    played.length = 0;
    playOutcomeSound('failed');
    expect(paid).toEqual(OUTCOME_NOTES.paid.map((note) => note.frequency));
    expect(played).toEqual(OUTCOME_NOTES.failed.map((note) => note.frequency));
    expect(played).not.toEqual(paid);
  });

  it('gives partial and expired the attention tone, and waiting states none', () => {
    expect(PAYMENT_STATES.map((state) => [state, soundForState(state)])).toEqual([
      ['creating', null],
      ['unknown', null],
      ['awaiting_payment', null],
      ['paid', 'paid'],
      ['partially_paid', 'attention'],
      ['failed', 'failed'],
      ['expired', 'attention'],
      ['cancelled', null],
    ]);
  });

  it('plays nothing when the owner switched sounds off', () => {
    setPaymentSoundsEnabled(false);
    playOutcomeSound('paid');
    playOutcomeSound('failed');
    expect(played).toEqual([]);
  });
});
