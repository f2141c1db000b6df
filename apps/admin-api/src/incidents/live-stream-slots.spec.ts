import { HttpException } from '@nestjs/common';
import { AdminApiConfig } from '../admin-api.config';
import { LiveStreamSlots } from './live-stream-slots';

const slotsOf = (limit: number) =>
  new LiveStreamSlots(Object.assign(new AdminApiConfig(), { LIVE_STREAMS_PER_USER: limit }));
const ada = { orgId: 'msp-1', userId: 'u-ada' };

describe('LiveStreamSlots', () => {
  it('refuses the stream beyond the limit with 429, per person and organization', () => {
    const slots = slotsOf(2);
    slots.take(ada);
    slots.take(ada);
    expect(() => slots.take(ada)).toThrow(HttpException);
    expect(() => slots.take(ada)).toThrow(expect.objectContaining({ status: 429 }));
    expect(() => slots.take({ ...ada, userId: 'u-grace' })).not.toThrow();
    expect(() => slots.take({ ...ada, orgId: 'msp-2' })).not.toThrow();
  });

  it('frees a place once however often the stream reports its end', () => {
    const slots = slotsOf(2);
    const release = slots.take(ada);
    slots.take(ada);
    release();
    release();
    slots.take(ada);
    expect(() => slots.take(ada)).toThrow(HttpException);
  });
});
