/** Objects read back by direct gets (runtime/nats/object-reader.ts) are the objects the library stored. */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Objm } from '@nats-io/obj';
import { readObject } from '../../runtime/nats/object-reader.js';
import { sharedNatsServer } from '../fixtures/runtimes.js';

describe('reading objects by direct gets', function () {
  this.timeout(20_000);

  it('returns each object as stored (several chunks, an empty one, a name with slashes), and null for a missing one', async () => {
    const nc = await connect({ servers: (await sharedNatsServer()).url });
    try {
      const bucket = `objects${process.pid}`;
      const store = await new Objm(jetstream(nc)).create(bucket);
      const jsm = await jetstreamManager(nc);
      const big = randomBytes(3 * 1024 * 1024 + 17); // 25 chunks of 128 KiB and a bit
      await store.putBlob({ name: 'exec-1/42' }, big);
      await store.putBlob({ name: 'empty' }, new Uint8Array(0));
      expect(Buffer.from((await readObject(jsm, bucket, 'exec-1/42'))!).equals(big)).to.equal(true);
      expect((await readObject(jsm, bucket, 'empty'))!.length).to.equal(0);
      expect(await readObject(jsm, bucket, 'no-such-object')).to.equal(null);
      await store.delete('exec-1/42');
      expect(await readObject(jsm, bucket, 'exec-1/42')).to.equal(null);
    } finally {
      await nc.close();
    }
  });
});
