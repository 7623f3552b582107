/**
 * The durable consumer through which workers take one workflow's commands (`wf_<workflow>` on the
 * commands stream). Whoever can manage consumers can silence workers: a deleted consumer made every
 * start wait for ever, a planted one of that name that matches nothing survived restarts. So a worker
 * checks its consumer at start and after every failed pull, recreates it when it is missing or wrong,
 * and fails with an error naming it when it cannot. (nats.conf also keeps clients away from it.)
 * Guarded by test/security/nats-consumers.test.ts.
 */
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { ConsumerUnavailableError } from '../engine/errors.js';

export interface CommandConsumer {
  stream: string;
  durable: string;
  /** The subject of the workflow's commands. */
  filter: string;
  /** How long a command stays with a worker before it is delivered again (the lease period). */
  ackWaitMs: number;
}

function wanted(consumer: CommandConsumer): Partial<ConsumerConfig> {
  return {
    durable_name: consumer.durable,
    filter_subject: consumer.filter,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: consumer.ackWaitMs * 1e6,
    max_ack_pending: 10_000,
  };
}

/**
 * Whether a consumer's configuration delivers every command of the filter, to pullers, once acked.
 * Its ack wait may differ (workers with another lease period): that changes timing, not what is delivered.
 */
function deliversCommands(config: Partial<ConsumerConfig>, consumer: CommandConsumer): boolean {
  return (
    config.filter_subject === consumer.filter &&
    !config.deliver_subject &&
    config.ack_policy === AckPolicy.Explicit &&
    config.deliver_policy === DeliverPolicy.All &&
    (config.max_deliver === undefined || config.max_deliver <= 0) &&
    !config.filter_subjects?.length
  );
}

async function configOf(
  jsm: JetStreamManager,
  consumer: CommandConsumer,
): Promise<Partial<ConsumerConfig> | undefined> {
  try {
    return (await jsm.consumers.info(consumer.stream, consumer.durable)).config;
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound) return undefined;
    if (!(error instanceof JetStreamApiError)) throw error; // the server is away: nothing to say of the consumer
    throw new ConsumerUnavailableError(consumer, `its configuration cannot be read (${error.message})`, error);
  }
}

/** Makes sure the consumer exists as it must; returns what was done, for the log. */
export async function ensureCommandConsumer(
  jsm: JetStreamManager,
  consumer: CommandConsumer,
): Promise<'ok' | 'created' | 'recreated'> {
  const config = await configOf(jsm, consumer);
  if (config && deliversCommands(config, consumer)) return 'ok';
  if (config) await jsm.consumers.delete(consumer.stream, consumer.durable).catch(() => undefined);
  try {
    await jsm.consumers.add(consumer.stream, wanted(consumer));
  } catch (error) {
    // Made by another worker meanwhile: fine if it is right.
    const now = await configOf(jsm, consumer);
    if (now && deliversCommands(now, consumer)) return 'ok';
    throw new ConsumerUnavailableError(consumer, (error as Error).message, error);
  }
  return config ? 'recreated' : 'created';
}
