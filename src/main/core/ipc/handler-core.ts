import type { AppInfo } from '../../../shared/contract';
import type { ChatService } from '../generation/chat-service';
import type { ProviderSettings } from '../providers/provider-settings';
import type { CoreServices } from '../services';

/** What the IPC handlers answer from: the core's services, the chat and the provider rules. */
export interface HandlerCore extends CoreServices {
  readonly chat: ChatService;
  readonly providers: ProviderSettings;
  /** What the window shows about the app; settles where keys are kept first. */
  info(): Promise<AppInfo>;
}
