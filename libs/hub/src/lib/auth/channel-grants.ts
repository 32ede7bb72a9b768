/**
 * The channels a subscriber may read, from the `channels` claim of its token. A pattern is an
 * exact channel name or a prefix ending in `*` (`job:*`, or `*` for everything); a `*` anywhere
 * else is literal.
 */
export class ChannelGrants {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];

  constructor(readonly patterns: readonly string[]) {
    for (const pattern of patterns) {
      if (pattern.endsWith('*')) this.prefixes.push(pattern.slice(0, -1));
      else this.exact.add(pattern);
    }
  }

  /** Grants that cover every channel (auth off). */
  static all(): ChannelGrants {
    return new ChannelGrants(['*']);
  }

  covers(channel: string): boolean {
    return (
      this.exact.has(channel) ||
      this.prefixes.some((prefix) => channel.startsWith(prefix))
    );
  }

  /** The first of `channels` these grants do not cover, or undefined when all are covered. */
  firstUncovered(channels: readonly string[]): string | undefined {
    return channels.find((channel) => !this.covers(channel));
  }
}
