/**
 * The `holst` command's version and help, with nothing else in this module: `holst --version` and
 * `holst --help` print them without loading any command or the core.
 */

export const VERSION: string = __HOLST_VERSION__;

const generateHelp = `holst generate --provider ID [--provider ID]... --prompt TEXT [--model M]... [--n N]
               [--image FILE]... [--mask FILE] [--edit ID] [--ref ID]... [--mask-id ID]
               [--continue CONVERSATION] [--single-turn] [--size WxH] [--aspect R]
               [--quality low|medium|high] [--resolution 1K|2K|4K] [--system TEXT] [--picture-mode on|off]
                                           make images. The prompt and answer are kept as a
               conversation (its id is printed). Several --provider: the same prompt to each, side
               by side (one --model for all, or one per provider in order). --n N (1-10): N pictures,
               as n in one request where the provider takes it, else (or when fewer come) in more.
               The source is library image --edit ID, else the first --image; other --image files
               and every --ref ID are references;
               --mask FILE / --mask-id ID: PNG of the source's size, transparent = area to change.
               --continue: a follow-up in that conversation (its earlier turns go along as each
               provider takes them; the source defaults to its newest answer's image; --provider
               defaults to the one it used); --single-turn sends the prompt without the history;
               --picture-mode (GigaChat, default on) sends the prompt as a request to draw it`;

const conversationsHelp = `holst conversations list [--query Q] [--limit N]     stored conversations, latest activity first
holst conversations show ID        a conversation's messages: text, images, status, usage, time`;

const queueHelp = `holst queue list [--limit N]         the generation queue: jobs waiting or running in order, then the
                                     N most recently ended (0-1000, default 20); each with its id
holst queue cancel ID                cancel job ID (or a unique start of it): a waiting one is never
                                     sent, a running one stops (the app's jobs too, within a second)`;

const libraryExportHelp = `holst library export ID --to FILE [--force] [--plain]     save a copy (prompt embedded unless --plain)
holst library export (ID... | --ids 1,2,3 | --query Q and list filters) --to DIR [--force] [--plain]
                   into a folder as YYYY-MM-DD_<prompt>_<id>.<ext>; a name already taken gets _2, _3…
                   (nothing is overwritten) unless --force replaces it
holst library export (ID... | --ids 1,2,3 | --query Q and list filters) --zip FILE [--force]
                   into one ZIP with the same names (written beside FILE, then renamed: a cancelled export
                   leaves nothing); an existing FILE is kept and the ZIP named FILE_2.zip unless --force`;

const libraryBulkHelp = `holst library trash|restore|favorite [--off] (ID... | --ids 1,2,3 | --query Q and list filters)
holst library tag|untag TAG (ID... | --ids 1,2,3 | --query Q and list filters)
                   act on many images at once (one transaction); prints how many changed`;

const libraryHelp = `holst library list [--query Q] [--favourites] [--provider P] [--model M] [--source S]
                   [--tag T] [--trash] [--limit N]     newest first (N: 1-500, default 50)
holst library import PATH...       import image files and folders (duplicates are kept once)
${libraryExportHelp}
${libraryBulkHelp}`;

const settingsHelp = `holst settings show          print the settings file (validated)
holst settings path          print where the data folder and settings file are`;

const providersHelp = `holst providers list         the configured providers and whether each has a key
holst providers test ID      check provider ID step by step: DNS, connection, TLS, key, model list
holst key status ID          whether provider ID has a key, and where it comes from
holst key set ID             store provider ID's key in the system keychain (read from stdin)
holst key clear ID           remove provider ID's key from the keychain`;

const backupHelp = `holst backup run --to TARGET [--keep N]     back up the data folder to a folder or to
                   webdav+https://user@host/path (password: HOLST_BACKUP_PASSWORD): only what it lacks is
                   sent (originals by content hash, the database through SQLite's online backup, the
                   settings; never keys); every file read back and checked; the newest N snapshots kept (10)
holst backup list TARGET          the snapshots there, newest first
holst backup verify TARGET [--snapshot ID]   hash everything again; missing or damaged files by picture
holst backup restore TARGET [--snapshot ID]  restore into an empty --data-dir (a new machine)`;

export const HELP = `holst ${VERSION}: make, edit and keep AI images, from the command line

Usage: holst [--data-dir DIR] [--json] COMMAND [ARGS]

Commands:
${generateHelp}
${conversationsHelp}
${queueHelp}
${libraryHelp}
${settingsHelp}
${providersHelp}
${backupHelp}

Options:
  --data-dir DIR   the data folder (default: HOLST_DATA_DIR, else the app's own folder)
  --json           print one JSON object; errors as {"error":{"code","message"}}
  -v, --version    print the version
  -h, --help       print this help

API keys: HOLST_API_KEY_<ID> (the provider id upper-cased, other characters as _) takes
precedence over the keychain. Exit status: 0 ok, 2 invalid input, 3 config, 4 auth,
5 not found, 6 network, 7 storage, 130 cancelled, 1 other.
`;
