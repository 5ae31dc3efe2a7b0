import { yellReceivedNotificationId, type AppNotification } from '../../../../src/domain/notifications';
import { yellDelta, type RecognitionAggregate } from '../../../../src/domain/yell-aggregate';
import type { StoredYell, YellIntent } from '../../../../src/domain/yells';
import type { YellContext } from './port';

type SendIntent = Extract<YellIntent, { kind: 'yell.send' }>;

/**
 * What a send stores, the same in the twin and the adapter: the エール, one 'yell.received'
 * notification per recipient (sharing the エール's version), and the counters' delta from the roster
 * paths the handler read.
 */
export function sentYell(intent: SendIntent, from: string, createdAt: string, version: number): StoredYell {
  return {
    id: intent.yellId,
    from,
    to: [...intent.to],
    message: intent.message,
    value: intent.value,
    visibility: intent.visibility,
    createdAt,
    version,
    clappers: [],
  };
}

export function receivedNotifications(yell: StoredYell): { recipient: string; notification: AppNotification }[] {
  const id = yellReceivedNotificationId(yell.id);
  return yell.to.map((recipient) => ({
    recipient,
    notification: {
      id,
      kind: 'yell.received',
      createdAt: yell.createdAt,
      actor: yell.from,
      yellId: yell.id,
      version: yell.version,
    },
  }));
}

export function sendDelta(yell: StoredYell, context: YellContext): RecognitionAggregate {
  const path = (id: string) => context.paths.get(id) ?? [];
  return yellDelta({
    value: yell.value,
    createdAt: yell.createdAt,
    from: { staffId: yell.from, path: path(yell.from) },
    to: yell.to.map((staffId) => ({ staffId, path: path(staffId) })),
  });
}
