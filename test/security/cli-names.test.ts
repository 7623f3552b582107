/**
 * Ids and names at the CLI's door: an execution id or workflow name outside the alphabet and length
 * every subject, key and file can carry is refused with one line (INVALID_NAME, exit 1) before the
 * command opens a store or a connection. The NATS URL given is unreachable: a command that got
 * past the check would fail with NATS_UNREACHABLE instead, so INVALID_NAME proves nothing was sent.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { fluxFails, ROOT } from '../fixtures/flux-cli.js';
import { tempDir } from '../fixtures/runtimes.js';

const APPROVAL = join(ROOT, 'examples', 'pause-with-input.ts');
const UNREACHABLE = 'nats://127.0.0.1:1';
const LONG_ID = 'x'.repeat(5_000);

describe('the flux CLI refuses ids and names at its door', function () {
  this.timeout(30_000);
  let env: Record<string, string>;
  before(() => (env = { FLUX_HOME: tempDir('flux-cli-names-') }));

  it('an execution id with a subject separator or wildcard (a:b, a.b, a.>) is refused before anything is sent', async () => {
    const refusals = await Promise.all([
      fluxFails(['start', 'expenseApproval', '--id', 'a:b', '--nats', UNREACHABLE], env, 'INVALID_NAME'),
      fluxFails(['resume', 'a.b', '1', '--nats', UNREACHABLE], env, 'INVALID_NAME'),
      fluxFails(['cancel', 'a.>', '--nats', UNREACHABLE], env, 'INVALID_NAME'),
      fluxFails(['inspect', 'a:b', '--nats', UNREACHABLE], env, 'INVALID_NAME'),
      fluxFails(['visualize', 'a:b', '--nats', UNREACHABLE], env, 'INVALID_NAME'),
    ]);
    expect(refusals[0]).to.contain("'a:b'");
    expect(refusals[2]).to.contain("'a.>'");
  });

  it('a 5,000-character execution id (the server would drop the connection carrying it) is refused in one short line', async () => {
    const refusals = await Promise.all([
      fluxFails(['inspect', LONG_ID, '--nats', UNREACHABLE], env, 'INVALID_NAME'),
      fluxFails(['start', 'expenseApproval', '--id', LONG_ID, '-m', APPROVAL], env, 'INVALID_NAME'),
    ]);
    for (const line of refusals) expect(line.length).to.be.below(300);
    expect(refusals[0]).to.contain('5000 characters');
  });

  it('a workflow name with a subject separator (a:b) is refused by start, exec and list before anything is sent or run', async () => {
    const refusals = await Promise.all([
      fluxFails(['start', 'a:b', '--nats', UNREACHABLE], env, 'INVALID_NAME'),
      fluxFails(['exec', APPROVAL, 'a:b'], env, 'INVALID_NAME'),
      fluxFails(['list', '--workflow', 'a.>', '--nats', UNREACHABLE], env, 'INVALID_NAME'),
    ]);
    for (const line of refusals) expect(line).to.contain('workflow name');
  });
});
