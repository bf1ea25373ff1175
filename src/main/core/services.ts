import type { ConversationStore } from './conversations/conversation-store';
import type { DesktopCapabilities } from './desktop';
import type { CoreEvents } from './events';
import type { BackgroundJobs } from './jobs/background-jobs';
import type { ImageLibrary } from './library/image-library';
import type { FileLog } from './logging/file-log';
import type { Logger } from './logging/log';
import type { Notices } from './notices';
import type { SecretStore } from './secrets/secret-store';
import type { SettingsStore } from './settings/settings-store';

/**
 * The core's building blocks, each opened once by `openCore` (app-core.ts). A function or service
 * takes the few of them it uses (`Pick<CoreServices, 'library' | 'logger'>`), never the whole core.
 */
export interface CoreServices {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly events: CoreEvents;
  readonly notices: Notices;
  readonly library: ImageLibrary;
  readonly conversations: ConversationStore;
  /** Work running in the background (import, export), each with an id, progress and cancel. */
  readonly jobs: BackgroundJobs;
  /** Dialogs, clipboard and the like: only the Electron shell has them. */
  readonly desktop: DesktopCapabilities | null;
  readonly logger: Logger;
  /** The log file, in the app and the browser harness (the CLI keeps none). */
  readonly log: FileLog | null;
}
