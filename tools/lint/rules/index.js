import noDynamicCode from './no-dynamic-code.js';
import noElectronInCore from './no-electron-in-core.js';
import noTlsBypass from './no-tls-bypass.js';
import openExternalHelperOnly from './open-external-helper-only.js';
import preloadBridge from './preload-bridge.js';
import secureWebPreferences from './secure-web-preferences.js';

/** paypro-pos's own security rules (`pos/…`), run by `npm run lint`. Each has a RuleTester test in test/unit/lint. */
export default {
  meta: { name: 'eslint-plugin-pos', version: '1.0.0' },
  rules: {
    'secure-web-preferences': secureWebPreferences,
    'preload-bridge': preloadBridge,
    'open-external-helper-only': openExternalHelperOnly,
    'no-dynamic-code': noDynamicCode,
    'no-electron-in-core': noElectronInCore,
    'no-tls-bypass': noTlsBypass,
  },
};
