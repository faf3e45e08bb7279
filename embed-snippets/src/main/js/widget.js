/* Tapscore loader, served as /widget.js and included with
     <script async src="https://survey.example/widget.js" data-campaign="after-order"></script>
   It shows the campaign's survey in a pop-up iframe served by the same server, and keeps the height of every
   Tapscore iframe on the page equal to its content. It adds no stylesheet, no inline handler and no global
   besides window.tapscore, and it never uses eval: host pages keep a strict Content-Security-Policy. */
(function (w, d) {
  'use strict';
  var early = w.tapscore;
  // A second copy of the script on the page: the first one already does everything.
  if (early && early.loaded) { return; }
  var me = d.currentScript;
  if (!me) { return; }
  var data = me.dataset;
  var server = new URL(me.src).origin;
  var campaign = data.campaign;
  var days = data.recontactDays == null ? 30 : +data.recontactDays;
  var sampled = Math.random() * 100 < (data.sample == null ? 100 : +data.sample);
  var handlers = {};
  var person = {};
  var box, frame, lastFocus, armed;

  function log(e) {
    if (data.debug != null) { console.warn('tapscore', e); }
  }

  function enc(v) { return encodeURIComponent(v); }

  // Styles go through the CSSOM with !important after resetting everything: host CSS can neither hide nor
  // distort our elements, and a CSP without 'unsafe-inline' does not apply to CSSOM changes.
  function css(el, styles) {
    el.style.setProperty('all', 'initial', 'important');
    for (var k in styles) { el.style.setProperty(k, styles[k], 'important'); }
  }

  // The host's own storage remembers when this browser last answered or dismissed; when storage cannot be
  // used (private modes, blocked storage) we cannot know, so we do not ask at all.
  function key() { return 'tapscore:' + campaign + (person.id ? ':' + person.id : ''); }

  function mayAsk() {
    try {
      var last = +w.localStorage.getItem(key());
      w.localStorage.setItem('tapscore:probe', 1);
      return !last || Date.now() - last > days * 864e5;
    } catch (e) {
      log(e);
      return false;
    }
  }

  function remember() {
    try { w.localStorage.setItem(key(), Date.now()); } catch (e) { log(e); }
  }

  function emit(type, detail) {
    (handlers[type] || []).forEach(function (fn) {
      try { fn(detail); } catch (e) { log(e); }
    });
  }

  function show(force) {
    if (box || !campaign || !(force || (sampled && mayAsk()))) { return; }
    if (!d.body) { d.addEventListener('DOMContentLoaded', function () { show(force); }); return; }
    var center = data.position == 'center';
    lastFocus = d.activeElement;
    box = d.createElement('div');
    frame = d.createElement('iframe');
    frame.title = data.title || 'Survey';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', frame.title);
    frame.src = server + '/embed/' + enc(campaign) + '?ch=POPUP&origin=' + enc(location.origin)
        + '&page=' + enc(location.origin + location.pathname) + (data.lang ? '&lang=' + enc(data.lang) : '');
    css(box, {
      position: 'fixed', 'z-index': '2147483647', display: 'block', visibility: 'hidden',
      width: '400px', 'max-width': 'calc(100vw - 32px)', 'max-height': 'calc(100vh - 32px)', overflow: 'auto',
      background: '#fff', 'border-radius': '12px', 'box-shadow': '0 8px 32px rgba(0,0,0,.3)',
      bottom: center ? 'auto' : '16px', top: center ? '50%' : 'auto',
      right: center || data.position == 'left' ? 'auto' : '16px',
      left: center ? '50%' : data.position == 'left' ? '16px' : 'auto',
      transform: center ? 'translate(-50%,-50%)' : 'none'
    });
    css(frame, { display: 'block', width: '100%', height: '180px', border: '0', margin: '0', padding: '0' });
    box.appendChild(frame);
    d.body.appendChild(box);
  }

  function reveal() {
    if (box && box.style.getPropertyValue('visibility') == 'hidden') {
      box.style.setProperty('visibility', 'visible', 'important');
      frame.focus();
    }
  }

  function close() {
    if (!box) { return; }
    remember();
    box.parentNode.removeChild(box);
    box = frame = null;
    emit('close', { campaign: campaign });
    if (lastFocus && lastFocus.focus) { lastFocus.focus(); }
  }

  function auto() {
    if (!armed) { armed = 1; show(); }
  }

  function arm() {
    var any = 0;
    if (!campaign || data.mode == 'inline' || data.trigger == 'manual') { return; }
    if (data.delay) { any = setTimeout(auto, data.delay * 1000); }
    if (data.scroll) {
      any = 1;
      w.addEventListener('scroll', function () {
        var e = d.documentElement;
        if ((w.scrollY + w.innerHeight) * 100 >= e.scrollHeight * data.scroll) { auto(); }
      }, { passive: true });
    }
    if (data.trigger == 'exit' && w.matchMedia('(pointer:fine)').matches) {
      any = 1;
      d.addEventListener('mouseout', function (e) {
        if (!e.relatedTarget && e.clientY <= 0) { auto(); }
      });
    }
    if (!any) { setTimeout(auto, 5000); }
  }

  // Messages count only when they come from our server and from one of the page's own iframes.
  w.addEventListener('message', function (e) {
    var m = e.data, frames = d.getElementsByTagName('iframe'), f, i, type;
    if (e.origin !== server || !m || typeof m.type != 'string' || m.type.indexOf('tapscore:')) { return; }
    for (i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) { f = frames[i]; }
    }
    if (!f) { return; }
    type = m.type.slice(9);
    if (type == 'height' && m.px > 0) { f.style.setProperty('height', Math.ceil(m.px) + 'px', 'important'); }
    if (f === frame) {
      // Revealed at its first real height (no jump from the provisional one); 'ready' alone is a fallback
      // for browsers without ResizeObserver.
      if (type == 'height' || type == 'ready') { setTimeout(reveal, type == 'ready' ? 400 : 0); }
      if (type == 'answered') { remember(); }
      if (type == 'close') { close(); }
    }
    if (type != 'height') { emit(type, { campaign: m.campaign, score: m.score, category: m.category }); }
  });

  d.addEventListener('keydown', function (e) {
    if (e.key == 'Escape') { close(); }
  });

  function tapscore(command, a, b) {
    if (command == 'show') { show(a && a.force); }
    if (command == 'close') { close(); }
    if (command == 'identify') { person = a || {}; }
    if (command == 'on') { (handlers[a.replace('tapscore:', '')] = handlers[a.replace('tapscore:', '')] || []).push(b); }
  }
  tapscore.loaded = 1;
  w.tapscore = tapscore;
  // Calls made through the stub before the script arrived, in their order.
  [].slice.call(early && early.q || []).forEach(function (args) { tapscore.apply(null, args); });
  if (d.readyState == 'loading') { d.addEventListener('DOMContentLoaded', arm); } else { arm(); }
})(window, document);
