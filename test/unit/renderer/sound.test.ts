import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTCOME_NOTES, playLateSound, playOutcomeSound, setPaymentSoundsEnabled, soundForState } from '../../../renderer/app/sound.ts';
import { PAYMENT_STATES } from '../../../shared/payment.ts';
import { installRecordingAudio, recordedTones } from '../../harness/recording-audio.ts';

describe('payment sounds', () => {
  let played: number[];
  beforeEach(() => {
    installRecordingAudio();
    played = recordedTones();
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

  it('a late payment found has its own call, unlike the partial/expired tone and every other outcome', () => {
    playLateSound();
    const late = [...played];
    expect(late).toEqual(OUTCOME_NOTES.late.map((note) => note.frequency));
    for (const state of PAYMENT_STATES) {
      played.length = 0;
      playOutcomeSound(state);
      expect(played, state).not.toEqual(late);
    }
    played.length = 0;
    playOutcomeSound('expired');
    expect(played).toEqual([330]);
  });

  it('plays nothing when the owner switched sounds off', () => {
    setPaymentSoundsEnabled(false);
    playOutcomeSound('paid');
    playOutcomeSound('failed');
    playLateSound();
    expect(played).toEqual([]);
  });
});
