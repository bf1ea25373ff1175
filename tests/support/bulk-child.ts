// Runs one bulk action over a whole library in a child process, for tests that kill it with
// SIGKILL half-way. Prints a line at each step so the parent can time its kill.
import { ImageLibrary } from '../../src/main/core/library/image-library';
import { silentLogger } from '../../src/main/core/logging/log';

async function main(): Promise<void> {
  const [dataDir, action] = process.argv.slice(2);
  const library = await ImageLibrary.open(dataDir!, { maxImageBytes: () => 1024, logger: silentLogger });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('ready');
  const everything = { view: {}, except: [] };
  const trash = { view: { trashed: true }, except: [] };
  // The loops spend nearly all their time inside a transaction, so a kill at any moment lands in one.
  for (let round = 0; action !== 'delete'; round++) {
    if (action === 'trash') {
      library.bulk.trash(everything);
      say(`trashed ${round}`);
      library.bulk.restore(trash);
      say(`restored ${round}`);
    } else {
      library.bulk.tagMany(everything, ['crash'], []);
      say(`tagged ${round}`);
      library.bulk.tagMany(everything, [], ['crash']);
      say(`untagged ${round}`);
    }
  }
  say('deleting');
  const { count } = await library.bulk.deleteForGood(trash);
  say(`deleted ${count}`);
  library.close();
}

void main();
