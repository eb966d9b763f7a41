"""Rasa's Redis lock store, fixed for several Rasa servers.

Rasa 3.6's RedisLockStore has two faults that show once more than one server shares it:

- It changes a conversation's lock with a GET and a later SET. Two servers that take a
  message of the same conversation at the same moment both read "no lock", both take ticket
  0 and run the two turns at once; the SQL tracker store then keeps only one of them. Here
  every change is a Redis transaction (WATCH/MULTI/EXEC), redone if another server changed
  the lock in between.
- A ticket lives TICKET_LOCK_LIFETIME seconds from when it was issued, waiting included.
  Behind the ticket of a server that died mid-turn, the next message's own ticket expires
  about when the dead one does, and Rasa then waits forever: a ticket that is gone never
  becomes "now serving". Here a waiting message renews its ticket at every look, so only the
  tickets of dead servers expire, and a turn's lifetime counts from when it starts.
"""
import asyncio
import json
import time
from collections import deque
from typing import Callable, Optional, Text, Tuple, TypeVar

import redis
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")
# Gets the current lock (None: there is none); returns the lock to store (None: delete it) and a result.
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    def _change(self, conversation_id: Text, change: Change[T]) -> T:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock, result = change(TicketLock.from_dict(json.loads(raw)) if raw else None)
                    pipe.multi()
                    if lock is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, lock.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, take)
        except Exception as e:
            raise LockError(f"Error while acquiring lock. Error:\n{e}") from e

    async def _acquire_lock(self, conversation_id: Text, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        def renew(lock: Optional[TicketLock]) -> Tuple[TicketLock, Tuple[TicketLock, bool]]:
            lock = lock or TicketLock(conversation_id)
            lock.remove_expired_tickets()
            mine = next((t for t in lock.tickets if t.number == ticket), None)
            if mine is None:  # expired after all (e.g. this server stalled): back in line, in order
                mine = Ticket(ticket, 0.0)
                lock.tickets = deque(sorted([*lock.tickets, mine], key=lambda t: t.number))
            mine.expires = time.time() + LOCK_LIFETIME
            return lock, (lock, lock.tickets[0].number == ticket)

        while True:
            lock, served = self._change(conversation_id, renew)
            if served:
                return lock
            await asyncio.sleep(wait_time_in_seconds)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        def release(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._change(conversation_id, release)
