// SPDX-License-Identifier: GPL-3.0-or-later
// styr serve: the script of the three pages.  It fills them from the JSON
// interface (/api/...) with textContent only -- nothing the register
// holds ever becomes markup -- and asks again every few seconds (the
// projector and the facilitator every 2, participants every 3).
"use strict";
(function () {
  var T = {
    da: {
      vote_title: "Prioritering", your_name: "Dit navn", join: "Deltag",
      noscript: "Siden skal have JavaScript slået til.",
      screen_title: "Prioritering", scan: "Scan koden, eller skriv adressen:",
      have_voted: "har stemt", time_left: "Tid tilbage:", result: "Resultat",
      tally_caption: "Stemmer pr. punkt", item: "Punkt", remove: "Fjerne",
      change: "Forandre", anchor: "Forankre", leading: "Flest stemmer",
      tie: "Uafgjort", fac_title: "Facilitator",
      fac_warn: "Vis ikke denne side på projektoren.", round: "Runden",
      close_round: "Luk runden", reveal: "Vis resultatet",
      open_round: "Åbn en ny runde", workshop: "Workshop",
      which_items: "Hvilke punkter?", votes_each: "Stemmer pr. deltager",
      minutes: "Tidsgrænse i minutter (tom: ingen)",
      anonymous: "Anonym afstemning",
      hidden: "Skjul resultatet, til det vises", open: "Åbn runden",
      paper: "Stemmesedler på papir", proposal: "Workshoppens forslag",
      reason: "Begrundelse", record_proposal: "Gem forslaget", priority: "Prioritering",
      count: "Antal stemmer", add_paper: "Tilføj stemmerne",
      addresses: "Adresser", participants_at: "Deltagerne stemmer på:",
      status_link: "Status for forløbet",
      no_round: "Der er ingen afstemning endnu. Siden opdaterer sig selv.",
      closed: "Runden er lukket.", revealed: "Runden er lukket, og resultatet er vist.",
      open_now: "Runden er åben.", hidden_note: "Resultatet vises, når facilitatoren åbner for det.",
      left: "Du har {n} af {m} stemmer tilbage.",
      left_none: "Du har brugt alle {m} stemmer. Du kan stadig ændre dem, mens runden er åben.",
      join_named: "Skriv dit navn for at stemme.", joined_as: "Du stemmer som {name}.",
      saved: "Din stemme på {id} er gemt: {p}.", changed: "Din stemme på {id} er ændret til {p}.",
      mine: "Din stemme: {p}", none_yet: "Du har ikke stemt på dette punkt.",
      experience: "Oplevet som", supportive: "understøttende",
      too_tight: "for stram", too_loose: "for slap", hours: "{h} timer om året",
      page_vote: "Prioritering – styr", page_screen: "Projektor – styr",
      page_fac: "Facilitator – styr", qr_alt: "QR-kode med deltagernes adresse",
      state_line: "Runde {n} i {m}: {s}. {v} stemmer pr. deltager, {kind}.",
      named: "med navn", anonym: "anonym", state_open: "åben",
      state_closed: "lukket", state_revealed: "lukket, resultatet vist",
      hidden_tally: "Resultatet er skjult, til det vises.",
      none_round: "Ingen runde endnu.", error: "Det lykkedes ikke: {e}",
      opened: "Runde {n} er åbnet.", closed_n: "Runde {n} er lukket: {v} har stemt.",
      shown: "Resultatet af runde {n} vises nu, også på projektoren.",
      paper_one: "1 papirstemme for {p} på {id} er tilføjet.",
      paper_many: "{c} papirstemmer for {p} på {id} er tilføjet.",
      proposed: "Workshoppens forslag til {id} er gemt: {p}.",
      open_busy: "Runde {n} er åben. Luk den, før du åbner en ny.",
      votes_of: "Stemmer for {p} på {id}",
      confirm_close: "Luk runde {n}? {v} har stemt. Derefter kan ingen stemme i runden.",
      confirm_close_none: "Ingen har stemt i runde {n} endnu. Luk den alligevel?",
      confirm_reveal: "Vis resultatet af runde {n} for alle, også på projektoren?"
    },
    en: {
      vote_title: "Prioritisation", your_name: "Your name", join: "Join",
      noscript: "This page needs JavaScript.",
      screen_title: "Prioritisation", scan: "Scan the code, or type the address:",
      have_voted: "have voted", time_left: "Time left:", result: "Result",
      tally_caption: "Votes per item", item: "Item", remove: "Remove",
      change: "Change", anchor: "Anchor", leading: "Most votes", tie: "Tie",
      fac_title: "Facilitator", fac_warn: "Do not show this page on the projector.",
      round: "The round", close_round: "Close the round", reveal: "Reveal the result",
      open_round: "Open a new round", workshop: "Workshop",
      which_items: "Which items?", votes_each: "Votes per participant",
      minutes: "Time limit in minutes (empty: none)", anonymous: "Anonymous vote",
      hidden: "Hide the result until it is revealed", open: "Open the round",
      paper: "Paper ballots", proposal: "The workshop's proposal",
      reason: "Reason", record_proposal: "Record the proposal", priority: "Priority", count: "Number of votes",
      add_paper: "Add the votes", addresses: "Addresses",
      participants_at: "Participants vote at:", status_link: "Where the process stands",
      no_round: "There is no vote yet. This page updates itself.",
      closed: "The round is closed.", revealed: "The round is closed and the result shown.",
      open_now: "The round is open.", hidden_note: "The result is shown when the facilitator reveals it.",
      left: "You have {n} of {m} votes left.",
      left_none: "You have used all {m} votes. You can still change them while the round is open.",
      join_named: "Type your name to vote.", joined_as: "You vote as {name}.",
      saved: "Your vote on {id} is saved: {p}.", changed: "Your vote on {id} is changed to {p}.",
      mine: "Your vote: {p}", none_yet: "You have not voted on this item.",
      experience: "Experienced as", supportive: "supportive",
      too_tight: "too tight", too_loose: "too loose", hours: "{h} hours a year",
      page_vote: "Prioritisation – styr", page_screen: "Projector – styr",
      page_fac: "Facilitator – styr", qr_alt: "QR code of the participants' address",
      state_line: "Round {n} in {m}: {s}. {v} votes per participant, {kind}.",
      named: "named", anonym: "anonymous", state_open: "open",
      state_closed: "closed", state_revealed: "closed, result shown",
      hidden_tally: "The result is hidden until it is revealed.",
      none_round: "No round yet.", error: "That did not work: {e}",
      opened: "Round {n} is open.", closed_n: "Round {n} is closed: {v} have voted.",
      shown: "The result of round {n} is shown now, on the projector too.",
      paper_one: "1 paper vote for {p} on {id} is added.",
      paper_many: "{c} paper votes for {p} on {id} are added.",
      proposed: "The workshop's proposal on {id} is saved: {p}.",
      open_busy: "Round {n} is open. Close it before you open a new one.",
      votes_of: "Votes for {p} on {id}",
      confirm_close: "Close round {n}? {v} have voted. After that nobody can vote in it.",
      confirm_close_none: "Nobody has voted in round {n} yet. Close it anyway?",
      confirm_reveal: "Show the result of round {n} to everyone, the projector too?"
    }
  };
  var lang = document.documentElement.lang === "en" ? "en" : "da";
  var PRI = ["remove", "change", "anchor"];
  function t(key, args) {
    var s = T[lang][key] || T.da[key] || key;
    if (args) for (var k in args) s = s.split("{" + k + "}").join(String(args[k]));
    return s;
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function say(msg, bad) {
    var s = $("status");
    if (!s) return;
    s.textContent = msg || "";
    s.className = bad ? "status bad" : "status";
  }
  function num(n) { return Number(n).toLocaleString(lang === "da" ? "da-DK" : "en-GB", {maximumFractionDigits: 1}); }
  function api(method, url, body) {
    var o = {method: method, credentials: "same-origin", headers: {}};
    if (body !== undefined) {
      o.headers["Content-Type"] = "application/json";
      o.body = JSON.stringify(body);
    }
    return fetch(url, o).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        return {status: r.status, ok: r.ok, data: j};
      });
    });
  }
  document.querySelectorAll("[data-t]").forEach(function (e) {
    e.textContent = t(e.getAttribute("data-t"));
  });
  var view = document.body.getAttribute("data-view");
  document.title = t(view === "vote" ? "page_vote" : view === "screen" ? "page_screen" : "page_fac");

  function tallyRows(body, items) {
    clear(body);
    items.forEach(function (it) {
      var tr = el("tr"), th = el("th", null, it.id + " " + it.title);
      th.scope = "row";
      tr.appendChild(th);
      PRI.forEach(function (p) { tr.appendChild(el("td", "n", it.tally[p])); });
      var lead = it.tally.leading;
      tr.appendChild(el("td", null, lead === "tie" ? t("tie") : lead ? t(lead) : "–"));
      body.appendChild(tr);
    });
  }
  function stateWord(r) { return t("state_" + r.state); }

  // --- participants ---
  var last = "", joining = false;
  function renderVote(r) {
    var list = $("items"), focus = document.activeElement && document.activeElement.id;
    var asking = !$("join").hidden;
    $("join").hidden = true;
    if (!r) { say(t("no_round")); clear(list); $("left").textContent = ""; last = ""; return; }
    var open = r.state === "open";
    if (open && !r.joined) {
      // Asked once: a refusal of the name ("not on the list") stays
      // on the screen until the participant tries again.
      if (r.voters === "named") { $("join").hidden = false; if (!asking) say(t("join_named")); }
      else join({});
      clear(list); $("left").textContent = ""; last = "";
      return;
    }
    // The clock and the others' count change at every poll but are not
    // shown here: redrawing for them would wipe "your vote is saved".
    var key = JSON.stringify(r, function (k, v) {
      return k === "seconds_left" || k === "voted" ? undefined : v;
    });
    if (key === last) return;
    last = key;
    say(open ? (r.name ? t("joined_as", {name: r.name}) : t("open_now"))
        : r.state === "revealed" ? t("revealed") : t("closed"));
    $("left").textContent = !r.joined ? "" : r.votes_left > 0
      ? t("left", {n: r.votes_left, m: r.votes}) : t("left_none", {m: r.votes});
    clear(list);
    r.items.forEach(function (it) {
      var li = el("li", "item"), h = el("h2"), id = "h-" + it.id;
      h.id = id;
      h.appendChild(el("span", "id", it.id + " "));
      h.appendChild(document.createTextNode(it.title));
      li.appendChild(h);
      var e = it.experience, facts = [];
      facts.push(t("experience") + ": " + e.supportive + " " + t("supportive") + " · " +
        e["too-tight"] + " " + t("too_tight") + " · " + e["too-loose"] + " " + t("too_loose"));
      if (it.hours_per_year !== null) facts.push(t("hours", {h: num(it.hours_per_year)}));
      li.appendChild(el("p", "facts", facts.join(" · ")));
      if (it.quote) li.appendChild(el("blockquote", null, "“" + it.quote + "”"));
      if (open) {
        var g = el("div", "choices");
        g.setAttribute("role", "group");
        g.setAttribute("aria-labelledby", id);
        PRI.forEach(function (p) {
          var b = el("button", "choice " + p, t(p));
          b.type = "button";
          b.id = "b-" + it.id + "-" + p;
          b.setAttribute("aria-pressed", it.mine === p ? "true" : "false");
          b.disabled = !r.joined || (!it.mine && r.votes_left <= 0);
          b.addEventListener("click", function () { vote(it.id, p); });
          g.appendChild(b);
        });
        li.appendChild(g);
      }
      if (r.joined)
        li.appendChild(el("p", "mine", it.mine ? t("mine", {p: t(it.mine).toLowerCase()}) : t("none_yet")));
      if (it.tally) {
        var lead = it.tally.leading;
        li.appendChild(el("p", "result", PRI.map(function (p) { return t(p) + " " + it.tally[p]; }).join(" · ") +
          (lead ? " – " + t("leading") + ": " + (lead === "tie" ? t("tie") : t(lead)) : "")));
      }
      list.appendChild(li);
    });
    if (focus && $(focus)) $(focus).focus();
  }
  function loadVote() {
    return api("GET", "/api/round").then(function (res) {
      if (res.status === 404) return renderVote(null);
      if (!res.ok) return say(t("error", {e: res.data.error || res.status}), true);
      renderVote(res.data);
    }).catch(function () {});
  }
  function join(body) {
    if (joining) return;
    joining = true;
    api("POST", "/api/join", body).then(function (res) {
      joining = false;
      if (!res.ok) return say(t("error", {e: res.data.error || res.status}), true);
      last = "";
      loadVote();
    }).catch(function () { joining = false; });
  }
  function vote(id, p) {
    api("POST", "/api/vote", {item: id, priority: p}).then(function (res) {
      last = "";
      if (!res.ok) { say(t("error", {e: res.data.error || res.status}), true); return loadVote(); }
      return loadVote().then(function () {
        say(res.data.replaced ? t("changed", {id: id, p: t(p).toLowerCase()}) : t("saved", {id: id, p: t(p).toLowerCase()}));
      });
    });
  }

  // --- the projector ---
  var ends = null;
  function tick() {
    if (!ends) return;
    var s = Math.max(0, Math.round((ends - Date.now()) / 1000));
    $("timer").textContent = Math.floor(s / 60) + ":" + ("0" + s % 60).slice(-2);
  }
  function loadScreen() {
    api("GET", "/api/screen").then(function (res) {
      if (!res.ok) return say(t("error", {e: res.data.error || res.status}), true);
      var d = res.data, r = d.round;
      $("url").textContent = d.participants;
      $("qr").alt = t("qr_alt");
      if (!r) { say(t("no_round")); $("voted").textContent = "0"; return; }
      $("title").textContent = t("screen_title") + ": " + r.meeting_title;
      $("voted").textContent = r.voted;
      say(r.state === "open" ? t("open_now") : r.state === "revealed" ? t("revealed") : t("closed"));
      $("timer-box").hidden = !(r.state === "open" && r.seconds_left !== null);
      ends = r.state === "open" && r.seconds_left !== null ? Date.now() + r.seconds_left * 1000 : null;
      tick();
      $("result").hidden = !r.tally_shown;
      if (r.tally_shown) tallyRows($("tally"), r.items);
    }).catch(function () {});
  }

  // --- the facilitator ---
  var built = false, cur = null;
  function loadFac() {
    return api("GET", "/api/workshop").then(function (res) {
      if (!res.ok) return say(t("error", {e: res.data.error || res.status}), true);
      var d = res.data, r = d.round;
      $("url").textContent = d.participants;
      if (!built) {
        built = true;
        var sel = $("meeting");
        d.workshops.forEach(function (m) {
          var o = el("option", null, m.id + " " + m.title + " (" + m.date + ")");
          o.value = m.id;
          sel.appendChild(o);
        });
        var boxes = $("item-boxes"), pi = $("paper-item");
        d.items.forEach(function (it) {
          var p = el("p", "check"), c = el("input"), l = el("label", null, it.id + " " + it.title);
          c.type = "checkbox"; c.id = "i-" + it.id; c.value = it.id; c.checked = true;
          l.htmlFor = c.id;
          p.appendChild(c); p.appendChild(document.createTextNode(" ")); p.appendChild(l);
          boxes.appendChild(p);
        });
        if (r) r.items.forEach(function (it) {
          var o = el("option", null, it.id + " " + it.title);
          o.value = it.id;
          pi.appendChild(o);
        });
        var pr = $("propose-item");
        d.items.forEach(function (it) {
          var o = el("option", null, it.id + " " + it.title);
          o.value = it.id;
          pr.appendChild(o);
        });
      }
      cur = r;
      // A new round only once this one is closed: the form is not
      // offered while it is open, and a line says why.
      var busy = !!r && r.state === "open";
      $("open").hidden = busy;
      $("open-note").hidden = !busy;
      $("open-note").textContent = busy ? t("open_busy", {n: r.number}) : "";
      if (!r) { $("round-state").textContent = t("none_round"); $("tally-table").hidden = true; return; }
      $("round-state").textContent = t("state_line", {n: r.number, m: r.meeting + " " + r.meeting_title,
        s: stateWord(r), v: r.votes, kind: r.voters === "named" ? t("named") : t("anonym")}) +
        " " + r.voted + " " + t("have_voted") + "." + (r.tally_shown ? "" : " " + t("hidden_tally"));
      $("close").disabled = r.state !== "open";
      $("reveal").disabled = r.state === "revealed";
      $("tally-table").hidden = !r.tally_shown;
      if (r.tally_shown) tallyRows($("tally"), r.items);
    }).catch(function () {});
  }
  // DONE(the reply) says what was done: "Runde 2 er lukket: 14 har stemt."
  function act(url, body, done) {
    api("POST", url, body || {}).then(function (res) {
      say(res.ok ? done(res.data || {}) : t("error", {e: res.data.error || res.status}), !res.ok);
      if (res.ok && url === "/api/round/open") { built = false; clear($("meeting")); clear($("item-boxes")); clear($("paper-item")); clear($("propose-item")); }
      loadFac();
    });
  }

  if (view === "vote") {
    $("join").addEventListener("submit", function (ev) {
      ev.preventDefault();
      join({name: $("name").value});
    });
    loadVote();
    setInterval(loadVote, 3000);
  } else if (view === "screen") {
    loadScreen();
    setInterval(loadScreen, 2000);
    setInterval(tick, 1000);
  } else {
    // Closing and revealing cannot be undone from here: ask first.
    $("close").addEventListener("click", function () {
      var a = {n: cur ? cur.number : "", v: cur ? cur.voted : 0};
      if (window.confirm(t(a.v ? "confirm_close" : "confirm_close_none", a)))
        act("/api/round/close", {}, function (r) { return t("closed_n", {n: r.number, v: r.voted}); });
    });
    $("reveal").addEventListener("click", function () {
      if (window.confirm(t("confirm_reveal", {n: cur ? cur.number : ""})))
        act("/api/round/reveal", {}, function (r) { return t("shown", {n: r.number}); });
    });
    $("open").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var ids = [];
      document.querySelectorAll("#item-boxes input:checked").forEach(function (c) { ids.push(c.value); });
      var b = {meeting: $("meeting").value, items: ids.join(","),
        anonymous: $("anonymous").checked, hidden: $("hidden").checked};
      if ($("votes").value) b.votes = $("votes").value;
      if ($("minutes").value) b.minutes = $("minutes").value;
      act("/api/round/open", b, function (r) { return t("opened", {n: r.number}); });
    });
    $("paper").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var c = $("paper-count").value, id = $("paper-item").value, p = $("paper-priority").value;
      act("/api/paper", {item: id, priority: p, count: c}, function () {
        return t(Number(c) === 1 ? "paper_one" : "paper_many", {c: c, id: id, p: t(p).toLowerCase()});
      });
    });
    $("propose").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var id = $("propose-item").value, p = $("propose-priority").value;
      act("/api/propose", {item: id, priority: p, reason: $("propose-reason").value}, function () {
        return t("proposed", {id: id, p: t(p).toLowerCase()});
      });
    });
    loadFac();
    setInterval(loadFac, 2000);
  }
})();
