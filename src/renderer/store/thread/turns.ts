/**
 * The turns of a conversation (a prompt with its answers) and the picture a follow-up goes on
 * from: the thread's logic, shared with the core (shared/turns.ts), read by the chat's views.
 */
export { lastPicture, toTurns, type Turn } from '../../../shared/turns';
