/// The live current values every page reads: one Server-Sent Events stream (`/api/v1/stream`), or polling
/// `/api/v1/tags` every 2 s when the stream is not there or fails. Pages subscribe and get the ids that changed.
enum LiveScript {
    static let js = #"""
import { getJSON } from "/format.js";

export class Live {
  constructor() {
    this.tags = new Map();
    this.enterprise = "";
    this.clockOffset = 0;          // server time minus browser time, for ages
    this.mode = "connecting";      // "stream", "polling", "down"
    this.listeners = new Set();
    this.statusListeners = new Set();
    this.pollTimer = null;
    this.stream = null;
    this.ready = this.refetch().then(() => this.openStream());
  }

  now() { return Date.now() + this.clockOffset; }
  list() { return [...this.tags.values()]; }
  subscribe(listener) { this.listeners.add(listener); return () => this.listeners.delete(listener); }
  onStatus(listener) { this.statusListeners.add(listener); listener(this.mode); return () => this.statusListeners.delete(listener); }

  setMode(mode) {
    if (mode === this.mode) return;
    this.mode = mode;
    for (const l of this.statusListeners) l(mode);
  }

  emit(changed) {
    if (!changed.size) return;
    for (const l of this.listeners) { try { l(changed); } catch (e) { console.error(e); } }
  }

  /// All tags and their current values from `/api/v1/tags` (every page of it).
  async refetch() {
    try {
      let url = "/api/v1/tags", all = [], body = null;
      for (let page = 0; page < 100; page++) {
        body = await getJSON(url);
        all = all.concat(body.tags || []);
        if (!body.next) break;
        url = "/api/v1/tags?cursor=" + encodeURIComponent(body.next);
      }
      this.enterprise = body.enterprise || "";
      if (body.serverTime) this.clockOffset = Date.parse(body.serverTime) - Date.now();
      const changed = new Set();
      for (const tag of all) {
        const old = this.tags.get(tag.id);
        if (!old || !sameCurrent(old.current, tag.current)) changed.add(tag.id);
        this.tags.set(tag.id, tag);
      }
      if (this.mode === "down" || this.mode === "connecting") this.setMode(this.stream ? "stream" : "polling");
      this.emit(changed);
    } catch (e) {
      this.setMode("down");
    }
  }

  openStream() {
    if (typeof EventSource === "undefined") return this.startPolling();
    let opened = false;
    const source = new EventSource("/api/v1/stream");
    this.stream = source;
    source.addEventListener("open", () => { opened = true; this.stopPolling(); this.setMode("stream"); });
    source.addEventListener("samples", event => this.applySamples(JSON.parse(event.data).samples || []));
    // The server dropped samples for us: current values may be behind, so read them again.
    source.addEventListener("overflow", () => this.refetch());
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED || !opened) {
        // No stream here (404) or it broke for good: poll, and try the stream again in a minute.
        source.close();
        this.stream = null;
        this.startPolling();
        setTimeout(() => { if (!this.stream) this.openStream(); }, 60000);
      } else {
        this.setMode("down");  // EventSource reconnects by itself; refresh meanwhile
        this.refetch();
      }
    });
  }

  applySamples(samples) {
    const changed = new Set();
    for (const s of samples) {
      const tag = this.tags.get(s.tag);
      if (!tag) continue;
      if (tag.current && Date.parse(tag.current.time) > Date.parse(s.time)) continue;
      tag.current = { time: s.time, value: s.value, quality: s.quality };
      changed.add(s.tag);
    }
    this.emit(changed);
  }

  startPolling() {
    if (this.pollTimer) return;
    if (this.mode !== "down") this.setMode("polling");
    this.pollTimer = setInterval(() => this.refetch(), 2000);
  }

  stopPolling() {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }
}

function sameCurrent(a, b) {
  if (!a || !b) return a === b;
  return a.time === b.time && a.value === b.value && a.quality === b.quality;
}
"""#
}
