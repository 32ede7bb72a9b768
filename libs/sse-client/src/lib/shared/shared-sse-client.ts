import { ALL_CONNECTIONS, type Envelope, parseEnvelope } from '@ops/sse-events';

import { SseClient } from '../sse-client';
import type { SseClientOptions } from '../sse-client.options';
import type { ReplayGap, Unsubscribe } from '../sse-client.types';
import { SseSubscriberBase } from '../sse-subscriber-base';
import type { LeaderElection } from './leader-election';
import { type BroadcastChannelLike, isSharedMessage, newTabId, SHARED_PROTOCOL, type SharedMessage } from './shared-messages';

type Body = SharedMessage extends infer M ? (M extends SharedMessage ? Omit<M, 'v'> : never) : never;

/**
 * A client whose connection is shared by every tab with the same sharing key. The elected leader
 * tab runs a real {@link SseClient} subscribed to the union of every tab's channels and forwards
 * each validated envelope, invalid report, gap and state change over a BroadcastChannel; each tab
 * (leader included) passes on only envelopes of its own channels. When the leader's tab goes away
 * the next tab takes over, resuming from the last event id it saw so the hub replays the handover.
 */
export class SharedSseClient extends SseSubscriberBase {
  private readonly tabId = newTabId();
  private lastSeenId: string | undefined;
  /** The channels each other tab announced; the leader subscribes to their union with its own. */
  private readonly otherTabs = new Map<string, readonly string[]>();
  /** The tab that last sent a state, i.e. the leader; its entry is dropped when this tab takes over. */
  private leaderTabId: string | undefined;
  /** Set while this tab leads. */
  private leader: { client: SseClient; tabs: Map<string, Unsubscribe>; stop: Unsubscribe } | undefined;
  private closed = false;

  constructor(
    private readonly options: SseClientOptions,
    private readonly channel: BroadcastChannelLike,
    private readonly election: LeaderElection,
  ) {
    super();
    channel.addEventListener('message', (event) => {
      if (isSharedMessage(event.data)) this.receive(event.data);
    });
    if (options.channels?.length) this.subscribe(options.channels);
    election.start(() => this.lead());
  }

  /** Whether this tab holds the connection. */
  get role(): 'leader' | 'follower' {
    return this.leader ? 'leader' : 'follower';
  }

  /** Closes this tab's client. A leader hands the connection to the next tab; followers are not closed. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.leader) {
      this.leader.stop();
      this.leader.client.close();
      this.leader = undefined;
    }
    this.post({ kind: 'leave', tabId: this.tabId });
    this.election.stop();
    this.channel.close();
    this.setState('closed', undefined);
  }

  protected channelsChanged(): void {
    this.announceChannels();
  }

  private post(body: Body): void {
    this.channel.postMessage({ v: SHARED_PROTOCOL, ...body });
  }

  /** Tells every tab (and, when leading, the own client) which channels this tab needs. */
  private announceChannels(): void {
    if (this.closed) return;
    this.post({ kind: 'channels', tabId: this.tabId, channels: this.channelSet.names });
    this.applyTabChannels(this.tabId, this.channelSet.names);
  }

  /** Leader: replaces the subscription held for one tab (subscribing first, so the set never shrinks in between). */
  private applyTabChannels(tabId: string, channels: readonly string[]): void {
    if (!this.leader) return;
    const previous = this.leader.tabs.get(tabId);
    const next = channels.length ? this.leader.client.subscribe(channels) : undefined;
    if (next) this.leader.tabs.set(tabId, next);
    else this.leader.tabs.delete(tabId);
    previous?.();
  }

  private lead(): void {
    if (this.closed) return;
    // A previous leader's stream was live (this tab saw its state) but this tab has no id to resume it from.
    const resumeUnknown = this.lastSeenId === undefined && this.state !== 'connecting';
    // Until the own connection opens there is none: say so here and in the other tabs.
    this.setState('connecting', undefined);
    this.post({ kind: 'state', tabId: this.tabId, state: 'connecting', failure: undefined });
    const client = new SseClient({ ...this.options, channels: [], lastEventId: this.lastSeenId });
    if (this.leaderTabId !== undefined) this.otherTabs.delete(this.leaderTabId);
    let announcedGap = false;
    const stops = [
      client.onAny((envelope) => {
        this.post({ kind: 'event', envelope });
        this.deliver(envelope);
      }),
      client.onInvalid((report) => {
        this.post({ kind: 'invalid', report });
        this.listeners.invalid.emit(report);
      }),
      client.onGap((gap) => this.gap(gap)),
      client.onState((state, failure) => {
        if (this.closed) return;
        this.post({ kind: 'state', tabId: this.tabId, state, failure });
        this.setState(state, failure);
        if (state === 'open' && resumeUnknown && !announcedGap) {
          announcedGap = true;
          this.gap({ reason: 'no_resume_point' });
        }
      }),
    ];
    this.leader = { client, tabs: new Map(), stop: () => stops.forEach((stop) => stop()) };
    // All in one task: the client connects once, with the union, resuming from the last id seen here.
    this.applyTabChannels(this.tabId, this.channelSet.names);
    for (const [tabId, channels] of this.otherTabs) this.applyTabChannels(tabId, channels);
    this.post({ kind: 'leader' });
  }

  private gap(gap: ReplayGap): void {
    this.post({ kind: 'gap', gap });
    this.listeners.gap.emit(gap);
  }

  private receive(message: SharedMessage): void {
    if (this.closed) return;
    switch (message.kind) {
      case 'channels':
        this.otherTabs.set(message.tabId, message.channels);
        this.applyTabChannels(message.tabId, message.channels);
        if (this.leader) this.post({ kind: 'state', tabId: this.tabId, state: this.leader.client.state, failure: this.leader.client.failure });
        return;
      case 'leave':
        this.otherTabs.delete(message.tabId);
        this.applyTabChannels(message.tabId, []);
        return;
      case 'leader':
        this.announceChannels();
        return;
      case 'event':
        if (!this.leader) this.forwarded(message.envelope);
        return;
      case 'invalid':
        if (!this.leader) this.listeners.invalid.emit(message.report);
        return;
      case 'gap':
        if (!this.leader) this.listeners.gap.emit(message.gap);
        return;
      case 'state':
        if (this.leader) return;
        this.leaderTabId = message.tabId;
        this.setState(message.state, message.failure);
        return;
    }
  }

  /** Follower: validates what the leader forwarded, as if it came off the wire. */
  private forwarded(value: unknown): void {
    const parsed = parseEnvelope(value);
    if (parsed.ok) this.deliver(parsed.value);
    else this.listeners.invalid.emit({ reason: `forwarded by the leader tab: ${parsed.error}`, data: JSON.stringify(value).slice(0, 1_000) });
  }

  /** Passes an envelope to this tab's listeners if it is on one of this tab's channels (once per id). */
  private deliver(envelope: Envelope): void {
    this.lastSeenId = envelope.id;
    const wanted = envelope.channels.some((name) => name === ALL_CONNECTIONS || this.channelSet.names.includes(name));
    if (wanted) this.deliverOnce(envelope);
  }
}
