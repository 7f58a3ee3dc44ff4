import {
  ipcContract,
  type IpcCallName,
  type IpcError,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../../../shared/ipc-contract.ts';
import { PosError } from '../errors.ts';

/** One handler per contract call; a missing or mistyped one is a compile error. */
export type IpcHandlers = {
  [K in IpcCallName]: (request: IpcRequest<K>) => Promise<IpcResponse<K>>;
};

/** Where bugs go: main's log, never the renderer. */
export interface RouterLogger {
  error(message: string, context: Record<string, unknown>): void;
}

export interface IpcRouter {
  /**
   * Runs one call from an untrusted caller: never throws, always answers an `IpcResult`.
   * `name` is a string because it comes from outside (the web-preview bridge passes it through).
   */
  dispatch<K extends IpcCallName>(name: K, rawRequest: unknown): Promise<IpcResult<IpcResponse<K>>>;
  dispatch(name: string, rawRequest: unknown): Promise<IpcResult<unknown>>;
}

export function isIpcCallName(name: unknown): name is IpcCallName {
  // hasOwn, not `in`: "toString" or "__proto__" are not calls.
  return typeof name === 'string' && Object.hasOwn(ipcContract, name);
}

function failure(error: IpcError): { ok: false; error: IpcError } {
  return { ok: false, error };
}

/** zod's issues as one short line: which field, what rule. Never echoes the input's values. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(request)'}: ${issue.message}`)
    .join('; ');
}

export function createIpcRouter(handlers: IpcHandlers, options: { logger: RouterLogger }): IpcRouter {
  const { logger } = options;

  async function dispatch(name: string, rawRequest: unknown): Promise<IpcResult<unknown>> {
    if (!isIpcCallName(name)) {
      return failure({ code: 'bad_request', detail: 'unknown call' });
    }
    const call = ipcContract[name];
    const parsedRequest = call.request.safeParse(rawRequest);
    if (!parsedRequest.success) {
      return failure({ code: 'bad_request', detail: describeIssues(parsedRequest.error.issues) });
    }
    let value: unknown;
    try {
      // The contract ties each name to its schema and handler; TypeScript cannot follow that
      // through a union of names, so this one call is untyped.
      const handler = handlers[name] as (request: unknown) => Promise<unknown>;
      value = await handler(parsedRequest.data);
    } catch (error) {
      if (error instanceof PosError) return failure(error.toIpcError());
      logger.error('IPC handler failed', { call: name, error });
      return failure({ code: 'internal' });
    }
    // Checked on the way out too: a bug cannot send the renderer a malformed value, and keys the
    // schema does not name (a secret by mistake) are stripped rather than sent.
    const parsedResponse = call.response.safeParse(value);
    if (!parsedResponse.success) {
      logger.error('IPC handler answered outside the contract', {
        call: name,
        issues: describeIssues(parsedResponse.error.issues),
      });
      return failure({ code: 'internal' });
    }
    return { ok: true, value: parsedResponse.data };
  }

  return { dispatch } as IpcRouter;
}
