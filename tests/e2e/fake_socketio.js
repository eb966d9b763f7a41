// A stand-in for socket.io-client for the widget's canned-payload browser tests
// (tests/e2e/test_widget_browser.py): injected before the page's scripts, it answers
// session_request at once, records every emit in window.__fakeIo.emitted and lets the
// test deliver server events with window.__fakeIo.fire(event, data). rate_answer is
// answered by window.__ratingReply(data) when the test sets it.
(() => {
  const handlers = {};
  const emitted = [];
  function fire(ev, data) {
    (handlers[ev] || []).slice().forEach((fn) => fn(data));
  }
  function Socket() {
    this.connected = false;
    this.io = { opts: { transports: ["websocket"] } };
  }
  Socket.prototype.on = function (ev, fn) {
    (handlers[ev] = handlers[ev] || []).push(fn);
    return this;
  };
  Socket.prototype.emit = function (ev, data) {
    emitted.push([ev, JSON.parse(JSON.stringify(data))]);
    if (ev === "session_request") {
      setTimeout(() => fire("session_confirm", data.session_id || "fake-session.signature"), 0);
    }
    if (ev === "rate_answer" && window.__ratingReply) {
      const reply = window.__ratingReply(data);
      if (reply) {
        setTimeout(() => fire("rating_saved", reply), 50);
      }
    }
  };
  Socket.prototype.disconnect = function () {
    this.connected = false;
  };
  Socket.prototype.connect = function () {
    setTimeout(() => {
      this.connected = true;
      fire("connect");
    }, 0);
  };
  const io = function () {
    const socket = new Socket();
    socket.connect();
    return socket;
  };
  io.Manager = function () {};
  window.io = io;
  window.__fakeIo = { fire, emitted };
})();
