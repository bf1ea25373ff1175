// `npm start`: build, then run Holst in Electron. If Electron's binary is missing it is fetched
// once; where it cannot be had, the same app is served to the browser on 127.0.0.1 instead.
// Extra arguments (e.g. `npm start -- --data-dir DIR`) go to the app.
import { buildUnlessSkipped, launchHolst } from './launch.mjs';

buildUnlessSkipped();
launchHolst(process.argv.slice(2));
