// Which picture a follow-up goes on from by default (the composer's "Editing: Last picture" chip).
import { describe, expect, it } from 'vitest';
import { lastPicture, toTurns } from '../../../../../src/renderer/store/thread/turns';
import type { Message } from '../../../../../src/shared/library';
import { message as stored } from '../../../../renderer/support/records';

let nextId = 1;
function message(role: Message['role'], fields: Partial<Message> = {}): Message {
  const id = fields.id ?? nextId++;
  return stored(id, 1, { role, provider: 'agg', model: 'm', createdAt: id, updatedAt: id, ...fields });
}

describe('the picture a follow-up goes on from', () => {
  it('is the first image of the newest finished answer', () => {
    const u1 = message('user');
    const a1 = message('assistant', { replyTo: u1.id, imageIds: [10, 11] });
    const u2 = message('user');
    const a2 = message('assistant', { replyTo: u2.id, imageIds: [20, 21] });
    expect(lastPicture([u1, a1, u2, a2], {})).toBe(20);
  });

  it('passes over answers that failed, were stopped, are still streaming or have no picture', () => {
    const u1 = message('user');
    const a1 = message('assistant', { replyTo: u1.id, imageIds: [10] });
    const u2 = message('user');
    const a2 = message('assistant', { replyTo: u2.id, status: 'error' });
    const u3 = message('user');
    const a3 = message('assistant', { replyTo: u3.id, text: 'Only words.' });
    const u4 = message('user');
    const a4 = message('assistant', { replyTo: u4.id, status: 'cancelled', imageIds: [40] });
    const u5 = message('user');
    const a5 = message('assistant', { replyTo: u5.id, status: 'streaming', imageIds: [50] });
    expect(lastPicture([u1, a1, u2, a2, u3, a3, u4, a4, u5, a5], {})).toBe(10);
  });

  it('follows the version in view when a prompt was answered again', () => {
    const u1 = message('user');
    const v1 = message('assistant', { replyTo: u1.id, imageIds: [10] });
    const v2 = message('assistant', { replyTo: u1.id, imageIds: [11] });
    expect(lastPicture([u1, v1, v2], {})).toBe(11);
    expect(lastPicture([u1, v1, v2], { [u1.id]: v1.id })).toBe(10);
  });

  it('is none in a chat without pictures', () => {
    const u1 = message('user');
    expect(lastPicture([u1, message('assistant', { replyTo: u1.id, text: 'Hi' })], {})).toBeNull();
    expect(lastPicture([], {})).toBeNull();
  });

  it('goes on from the version before when Answer again was stopped before anything arrived, and that stop is no version', () => {
    const u1 = message('user');
    const v1 = message('assistant', { replyTo: u1.id, imageIds: [10] });
    const stopped = message('assistant', { replyTo: u1.id, status: 'cancelled' });
    expect(lastPicture([u1, v1, stopped], {})).toBe(10);
    expect(toTurns([u1, v1, stopped])[0]!.answers).toEqual([v1]);
    // A stop that kept some text is a version; a stop alone is shown (as stopped).
    const partial = message('assistant', { replyTo: u1.id, status: 'cancelled', text: 'Half a' });
    expect(toTurns([u1, v1, partial])[0]!.answers).toEqual([v1, partial]);
    const u2 = message('user');
    const only = message('assistant', { replyTo: u2.id, status: 'cancelled' });
    expect(toTurns([u2, only])[0]!.answers).toEqual([only]);
  });
});
