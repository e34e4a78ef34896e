/** Every unit test gets the fake BroadcastChannel: Node's real one would keep the run alive. */
import { beforeEach, vi } from 'vitest';
import { FakeBroadcastChannel } from './fakes.js';

beforeEach(() => {
  FakeBroadcastChannel.sent = [];
  vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
});
