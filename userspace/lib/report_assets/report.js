// SPDX-License-Identifier: GPL-2.0-only OR MIT
// bb HTML report: builds the tables and charts from the run record in
// <script id="bb-record"> (Documentation/report-json.md). Runs offline:
// it needs nothing but uPlot, which the page carries inline. When done it
// sets document.body.dataset.chartsRendered to the number of charts drawn
// (tests read it), and dataset.chartErrors if any chart failed.
(function () {
	"use strict";

	var rec = JSON.parse(document.getElementById("bb-record").textContent);
	var main = document.getElementById("report");
	var COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
		"#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
	var L2_OVERHEAD = { frame: 0, frame_with_fcs: 4, physical: 24 };
	// the CCDF's floor: its bottom line is P99.99 (kb-interpreting-results)
	var CCDF_MIN = 1e-4;
	var charts = [], drawn = 0, errors = 0;

	// --- formatting --------------------------------------------------
	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined && text !== null)
			e.textContent = String(text);
		return e;
	}
	function add(parent, child) {
		parent.appendChild(child);
		return child;
	}
	function isNum(v) {
		return typeof v === "number" && isFinite(v);
	}
	function fmtNs(ns) {
		if (!isNum(ns))
			return null;
		var a = Math.abs(ns);
		if (a >= 1e9) return (ns / 1e9).toPrecision(4) + " s";
		if (a >= 1e6) return (ns / 1e6).toPrecision(4) + " ms";
		if (a >= 1e3) return (ns / 1e3).toPrecision(4) + " µs";
		return ns + " ns";
	}
	function fmtBps(b) {
		if (!isNum(b))
			return null;
		var u = ["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"], i = 0;
		while (Math.abs(b) >= 1000 && i < u.length - 1) {
			b /= 1000;
			i++;
		}
		return (i ? b.toPrecision(4) : String(b)) + " " + u[i];
	}
	function fmtInt(v) {
		return isNum(v) ? v.toLocaleString("en-US") : null;
	}
	function fmtPct(v) {
		return isNum(v) ? v.toFixed(3) + " %" : null;
	}
	function fmtAny(v) {
		if (v === null || v === undefined)
			return null;
		if (Array.isArray(v) || typeof v === "object")
			return JSON.stringify(v);
		return String(v);
	}

	// --- tables ------------------------------------------------------
	// rows: [label, value, numeric?]; null values print as "-"
	function kvTable(rows) {
		var t = el("table", "kv");
		rows.forEach(function (r) {
			var tr = add(t, el("tr"));
			add(tr, el("th", null, r[0]));
			var v = r[1], td = add(tr, el("td", r[2] ? "num" : ""));
			if (v === null || v === undefined) {
				td.textContent = "-";
				td.className += " null";
			} else {
				td.textContent = v;
			}
		});
		return t;
	}
	function gridTable(head, rows) {
		var t = el("table", "grid"), tr = add(t, el("tr"));
		head.forEach(function (h) { add(tr, el("th", null, h)); });
		rows.forEach(function (r) {
			var row = add(t, el("tr"));
			r.forEach(function (c) {
				var s = fmtAny(c);
				var td = add(row, el("td", s === null ? "null" : "", s === null ? "-" : s));
				if (s === "PASS" || s === "FAIL")
					td.className = s;
			});
		});
		return t;
	}

	function runSection() {
		var run = rec.run || {};
		add(main, el("h2", null, "Run"));
		add(main, kvTable([
			["name", run.name], ["id", run.id], ["verdict", rec.verdict],
			["started (UTC)", run.started], ["ended (UTC)", run.ended],
			["duration", isNum(run.duration_s) ? run.duration_s + " s" : null],
			["interrupted", fmtAny(run.interrupted)],
			["layer-2 speed", run.layer2_speed],
			["maximum run time", isNum(run.maximum_run_time_s) ? run.maximum_run_time_s + " s" : null],
			["wait for finish", isNum(run.wait_for_finish_s) ? run.wait_for_finish_s + " s" : null],
		]));
	}

	function portSection() {
		var keys = ["name", "port_group", "interface", "netns", "mac", "ipv4",
			"netmask", "gateway", "ipv6", "vlans", "nat", "public_ip", "dhcp", "tags"];
		add(main, el("h2", null, "Ports"));
		add(main, gridTable(keys, (rec.ports || []).map(function (p) {
			return keys.map(function (k) {
				return k === "dhcp" ? dhcpText(p.dhcp) : p[k];
			});
		})));
	}

	// a port's capture: a link to the pcap beside the report, its counts;
	// frames the kernel dropped are a warning, never hidden
	function captureSection() {
		var caps = (rec.ports || []).filter(function (p) { return p.capture; });
		if (!caps.length)
			return;
		add(main, el("h2", null, "Captures"));
		var ul = add(main, el("ul", "captures"));
		caps.forEach(function (p) {
			var c = p.capture, li = add(ul, el("li"));
			var file = String(c.file || "");
			var a = add(li, el("a", null, file.replace(/^.*\//, "")));
			a.href = encodeURI(file.replace(/^.*\//, ""));
			add(li, document.createTextNode(" — port " + p.name + ": " +
				fmtInt(c.frames) + " frames, " + fmtInt(c.bytes) + " bytes" +
				(c.filter ? ", filter \u201c" + c.filter + "\u201d" : "") +
				", snaplen " + c.snaplen + (c.limited ? ", stopped at max_bytes" : "")));
			if (c.dropped || c.if_dropped || c.error)
				add(li, el("p", "warnings", (c.error ? "capture error: " + c.error + "; " : "") +
					fmtInt(c.dropped) + " frames dropped by the kernel, " +
					fmtInt(c.if_dropped) + " by the interface: the file misses them"));
		});
	}

	// "from 10.9.0.1, lease 3600 s, bound, 1 renewal", and any error
	function dhcpText(d) {
		if (!d)
			return null;
		var s = (d.server ? "from " + d.server : "no lease") +
			(isNum(d.lease_s) ? ", lease " + d.lease_s + " s" : "") +
			", " + d.state;
		if (d.renewals)
			s += ", " + d.renewals + (d.renewals === 1 ? " renewal" : " renewals");
		return d.error ? s + ": " + d.error : s;
	}

	function configTable(f) {
		var c = f.config || {};
		return kvTable([
			["type", f.type], ["source", f.source], ["destination", f.destination],
			["reverse", fmtAny(f.reverse)],
			["frame size", isNum(c.frame_size) ? c.frame_size + " B" : null],
			["IMIX", fmtAny(c.imix)], ["size distribution", fmtAny(c.size_dist)],
			["frame rate", isNum(c.frame_rate) ? c.frame_rate + " fps" : null, true],
			["bitrate", fmtBps(c.bitrate), true],
			["number of frames", fmtInt(c.number_of_frames), true],
			["duration", isNum(c.duration_s) ? c.duration_s + " s" : null, true],
			["initial wait", isNum(c.initial_time_to_wait_s) ? c.initial_time_to_wait_s + " s" : null, true],
			["UDP ports", c.udp_src + " → " + c.udp_dest],
			["DSCP / ECN", c.dscp + " / " + c.ecn],
			["latency", fmtAny(c.latency)],
			["packetization", isNum(c.packetization_ms) ? c.packetization_ms + " ms" : null],
			["flow group", fmtAny(c.flow_group)],
		].concat(f.nat ? [["NAT", natText(f.nat)]] : []));
	}

	// "upstream: lan 192.168.1.10:49152 as 198.51.100.1:61034,
	// endpoint-independent, 5 keep-alives"
	function natText(n) {
		var s = n.direction + ": " + n.nat_port + " " + n.private_ip + ":" +
			n.private_udp_port + " as " + (n.public_ip ?
			n.public_ip + ":" + n.public_udp_port + ", " + n.mapping : "not found");
		return n.keep_alive ? s + ", " + n.keep_alives + " keep-alives" : s;
	}

	function resultsTable(f) {
		var r = f.results || {}, l = r.latency || {};
		return kvTable([
			["tx frames", fmtInt(r.tx_frames), true], ["tx bytes", fmtInt(r.tx_bytes), true],
			["rx frames", fmtInt(r.rx_frames), true], ["rx bytes", fmtInt(r.rx_bytes), true],
			["lost frames", fmtInt(r.lost_frames), true], ["loss", fmtPct(r.loss_percentage), true],
			["duplicates", fmtInt(r.duplicates), true],
			["out of sequence", fmtInt(r.out_of_sequence), true],
			["throughput (" + ((rec.run || {}).layer2_speed || "frame") + ")", fmtBps(r.throughput_bps), true],
			["latency min", fmtNs(l.min_ns), true], ["latency avg", fmtNs(l.avg_ns), true],
			["latency max", fmtNs(l.max_ns), true], ["jitter", fmtNs(l.jitter_ns), true],
			["P50", fmtNs(l.p50_ns), true], ["P90", fmtNs(l.p90_ns), true],
			["P99", fmtNs(l.p99_ns), true], ["P99.9", fmtNs(l.p999_ns), true],
			["P99.99", fmtNs(l.p9999_ns), true],
			["latency samples", fmtInt(l.count), true],
			["MOS", isNum(r.mos) ? r.mos.toFixed(2) : null, true],
		]);
	}

	function analyserTable(f) {
		return gridTable(["analyser", "verdict", "reason"],
			(f.analysers || []).map(function (a) {
				return [a.type, a.verdict, a.reason];
			}));
	}

	// --- charts ------------------------------------------------------
	function chartBox(parent, title) {
		var box = add(parent, el("div", "chart"));
		add(box, el("div", "title", title));
		return box;
	}
	function width(box) {
		return Math.max(420, Math.min(1000, (box.clientWidth || main.clientWidth || 900) - 10));
	}
	// Every chart counts as drawn once uPlot's draw hook ran for it.
	function makeChart(box, opts, data) {
		var counted = false;
		opts.width = width(box);
		opts.height = opts.height || 260;
		opts.hooks = opts.hooks || {};
		opts.hooks.draw = (opts.hooks.draw || []).concat([function () {
			if (!counted) {
				counted = true;
				drawn++;
			}
		}]);
		try {
			charts.push(new uPlot(opts, data, box));
		} catch (e) {
			errors++;
			add(box, el("p", "warnings", "chart failed: " + e.message));
		}
	}
	function nsAxis(scale, label) {
		return { scale: scale, label: label, size: 70,
			values: function (u, vals) { return vals.map(fmtNs); } };
	}

	function relSeconds(ot) {
		var t0 = ot[0].t_ns;
		return ot.map(function (s) { return (s.t_ns - t0) / 1e9; });
	}
	function orNull(v) {
		return isNum(v) ? v : null;
	}

	function throughputChart(parent, f) {
		var ot = (f.results || {}).over_time || [];
		var ovh = L2_OVERHEAD[(rec.run || {}).layer2_speed] || 0;
		if (!ot.length)
			return;
		var bps = ot.map(function (s) {
			return isNum(s.interval_ns) && s.interval_ns > 0 ?
				(s.bytes + s.frames * ovh) * 8 * 1e9 / s.interval_ns : null;
		});
		makeChart(chartBox(parent, "Throughput and loss over time"), {
			scales: { x: { time: false }, bps: {}, lost: {} },
			series: [{ label: "time (s)" },
				{ label: "throughput", scale: "bps", stroke: COLORS[0], width: 2,
					value: function (u, v) { return fmtBps(v); } },
				{ label: "lost frames", scale: "lost", stroke: COLORS[1], width: 2 }],
			axes: [{ label: "time since start (s)" },
				{ scale: "bps", label: "throughput", size: 80,
					values: function (u, vals) { return vals.map(fmtBps); } },
				{ scale: "lost", label: "lost frames / interval", side: 1, grid: { show: false } }],
		}, [relSeconds(ot), bps, ot.map(function (s) { return orNull(s.lost); })]);
	}

	function latencyTimeChart(parent, f) {
		var ot = (f.results || {}).over_time || [];
		var has = ot.some(function (s) { return isNum(s.latency_avg_ns); });
		if (!has)
			return;
		function pick(k) { return ot.map(function (s) { return orNull(s[k]); }); }
		function ser(label, color) {
			return { label: label, stroke: color, width: 2, scale: "ns",
				value: function (u, v) { return fmtNs(v); } };
		}
		makeChart(chartBox(parent, "Latency over time"), {
			scales: { x: { time: false }, ns: {} },
			series: [{ label: "time (s)" }, ser("min", COLORS[2]),
				ser("avg", COLORS[0]), ser("max", COLORS[1])],
			axes: [{ label: "time since start (s)" }, nsAxis("ns", "latency")],
		}, [relSeconds(ot), pick("latency_min_ns"), pick("latency_avg_ns"),
			pick("latency_max_ns")]);
	}

	function histogram(f) {
		var l = (f.results || {}).latency;
		return l && Array.isArray(l.histogram) && l.histogram.length ? l : null;
	}

	function histogramChart(parent, f) {
		var l = histogram(f);
		if (!l)
			return;
		makeChart(chartBox(parent, "Latency distribution (histogram)"), {
			scales: { x: { time: false, distr: 3 }, y: {} },
			series: [{ label: "latency ≤", value: function (u, v) { return fmtNs(v); } },
				{ label: "frames", stroke: COLORS[0], fill: COLORS[0] + "80",
					paths: uPlot.paths.bars({ size: [0.9, 40] }), points: { show: false } }],
			axes: [nsAxis("x", "latency (bucket upper bound)"), { label: "frames", size: 70 }],
		}, [l.histogram.map(function (b) { return b[0]; }),
			l.histogram.map(function (b) { return b[1]; })]);
	}

	// --- http flows ---------------------------------------------------
	function isHttp(f) {
		return f.type === "http";
	}
	function secs(v) {
		return isNum(v) ? v + " s" : null;
	}
	function fmtBytes(v) {
		return isNum(v) ? fmtInt(Math.round(v)) + " B" : null;
	}
	function fmtUs(v) {
		return isNum(v) ? fmtNs(Math.round(v * 1000)) : null;
	}

	// The run's first traffic, CLOCK_TAI ns: the record has no TAI time
	// of the run's start, so http times count from its earliest timestamp.
	function firstTraffic() {
		var t0 = null;
		function see(v) {
			if (isNum(v) && v > 0 && (t0 === null || v < t0))
				t0 = v;
		}
		(rec.flows || []).forEach(function (f) {
			var r = f.results || {};
			see(r.first_tx_ns);
			[r.client, r.server].forEach(function (e) {
				if (e && typeof e === "object")
					["first_tx_ns", "first_rx_ns", "t1_ns"].forEach(function (k) { see(e[k]); });
			});
			if (Array.isArray(r.over_time) && r.over_time.length)
				see(r.over_time[0].t_ns);
		});
		return t0;
	}
	var T0 = firstTraffic();

	// a CLOCK_TAI time as seconds since T0, to the µs
	function fmtRel(ns) {
		return isNum(ns) && isNum(T0) ? "+" + ((ns - T0) / 1e9).toFixed(6) + " s" : null;
	}

	function httpConfigTable(f) {
		var c = f.config || {}, a = c.analysis || {};
		return kvTable([
			["type", f.type], ["source", f.source], ["destination", f.destination],
			["reverse", fmtAny(f.reverse)], ["flow group", fmtAny(c.flow_group)],
			["HTTP method", c.http_method],
			["TCP server port", fmtAny(c.tcp_server_port), true],
			["TCP client port", isNum(c.tcp_client_port) ? String(c.tcp_client_port) : "any", true],
			["request size", fmtBytes(c.request_size), true],
			["request duration", secs(c.request_duration_s), true],
			["initial wait", secs(c.initial_time_to_wait_s), true],
			["maximum bitrate", isNum(c.maximum_bitrate) ? fmtBps(c.maximum_bitrate) : "unlimited", true],
			["receive window scaling", fmtAny(c.receive_window_scaling), true],
			["slow start threshold", fmtAny(c.slow_start_threshold), true],
			["congestion control", c.tcp_congestion_control || "the system's default"],
			["TCP Prague", fmtAny(c.enable_tcp_prague)],
			["DSCP", fmtAny(c.dscp), true], ["ECN", fmtAny(c.ecn)],
			["minimum goodput", fmtBps(a.minimum_goodput), true],
			["max RTT", isNum(a.max_rtt) ? a.max_rtt + " ms" : null, true],
		]);
	}

	function httpResultsTable(f) {
		var r = f.results || {}, t = r.timing || {};
		return kvTable([
			["HTTP method", r.http_method], ["status", r.status], ["reason", r.reason],
			["HTTP status", fmtAny(r.http_status), true],
			["payload received", fmtBytes(r.rx_payload_bytes), true],
			["average goodput", fmtBps(r.goodput_bps), true],
			["time to first byte", fmtNs(t.time_to_first_byte_ns), true],
		]);
	}

	// head: column titles; rows: [label, [values], numeric?]
	function colTable(head, rows) {
		var t = el("table", "kv"), tr = add(t, el("tr"));
		head.forEach(function (h) { add(tr, el("th", null, h)); });
		rows.forEach(function (r) {
			var row = add(t, el("tr"));
			add(row, el("th", null, r[0]));
			r[1].forEach(function (v) {
				var ok = v !== null && v !== undefined;
				add(row, el("td", (r[2] ? "num" : "") + (ok ? "" : " null"), ok ? v : "-"));
			});
		});
		return t;
	}

	// kb-interpreting-results, "Server: timestamps T1, T2 and T3"
	var T_MEANING = {
		GET: "GET: client T1 request prepared, T2 first response byte in, T3 last; " +
			"server T1 request in, T2 response handed to TCP, T3 response acknowledged.",
		PUT: "PUT: client T1 request prepared, T2 request acknowledged, T3 response in; " +
			"server T1 first request byte in, T2 last, T3 response handed to TCP.",
	};

	function httpEndsTable(f) {
		var r = f.results || {}, ends = [r.client || null, r.server || null];
		function row(label, k, fmt, num) {
			return [label, ends.map(function (e) { return e ? fmt(e[k]) : null; }), num];
		}
		var box = el("div");
		add(box, colTable(["", "client", "server"], [
			row("port", "port", fmtAny), row("state", "state", fmtAny),
			row("tx bytes", "tx_bytes", fmtInt, true),
			row("tx payload bytes", "tx_payload_bytes", fmtInt, true),
			row("rx bytes", "rx_bytes", fmtInt, true),
			row("rx payload bytes", "rx_payload_bytes", fmtInt, true),
			row("first tx", "first_tx_ns", fmtRel, true), row("last tx", "last_tx_ns", fmtRel, true),
			row("first rx", "first_rx_ns", fmtRel, true), row("last rx", "last_rx_ns", fmtRel, true),
			row("T1", "t1_ns", fmtRel, true), row("T2", "t2_ns", fmtRel, true),
			row("T3", "t3_ns", fmtRel, true), row("error", "error", fmtAny),
		]));
		if (T_MEANING[r.http_method])
			add(box, el("p", "hint", T_MEANING[r.http_method]));
		return box;
	}

	function httpTimingTable(f) {
		var t = (f.results || {}).timing || {};
		var data = isNum(t.data_packet_first_ns) && isNum(t.data_packet_last_ns) ?
			t.data_packet_last_ns - t.data_packet_first_ns : null;
		return kvTable([
			["request start", fmtRel(t.request_start_ns), true],
			["request, first packet", fmtRel(t.request_packet_first_ns), true],
			["request, last packet", fmtRel(t.request_packet_last_ns), true],
			["response start", fmtRel(t.response_start_ns), true],
			["response, first packet", fmtRel(t.response_packet_first_ns), true],
			["response, last packet", fmtRel(t.response_packet_last_ns), true],
			["data, first packet", fmtRel(t.data_packet_first_ns), true],
			["data, last packet", fmtRel(t.data_packet_last_ns), true],
			["data transfer", fmtNs(data), true],
			["time to first byte", fmtNs(t.time_to_first_byte_ns), true],
		]);
	}

	// TCP_INFINITE_SSTHRESH: the connection never left slow start
	function fmtSsthresh(v) {
		return v >= 0x7fffffff ? "infinite (slow start)" : fmtInt(v);
	}

	function httpTcpTable(f) {
		var t = (f.results || {}).tcp;
		if (!t || typeof t !== "object")
			return el("p", "null", "not sampled: the data sender's socket never carried data");
		return kvTable([
			["congestion control", t.congestion_control],
			["ECN negotiated", fmtAny(t.ecn_negotiated)],
			["window scale, server receive", fmtAny(t.server_rcv_wscale), true],
			["window scale, client receive", fmtAny(t.client_rcv_wscale), true],
			["RTT min", fmtUs(t.rtt_min_us), true], ["RTT avg", fmtUs(t.rtt_avg_us), true],
			["RTT max", fmtUs(t.rtt_max_us), true], ["RTT last", fmtUs(t.rtt_last_us), true],
			["retransmitted segments", fmtInt(t.retransmits), true],
			["CE marks (delivered)", fmtInt(t.ce_count), true],
			["cwnd (segments)", fmtInt(t.cwnd), true],
			["ssthresh (segments)", fmtSsthresh(t.ssthresh), true],
			["max pacing rate", t.max_pacing_rate_Bps > 0 ? fmtBps(t.max_pacing_rate_Bps * 8) : "unlimited", true],
			["segments sent", fmtInt(t.segments_out), true],
		]);
	}

	// Intervals as steps: x is the first interval's start, then each
	// interval's end; a step to x[i] holds the value of interval i.
	function stepX(ot) {
		var t0 = isNum(T0) ? T0 : ot[0].t_ns;
		return [(ot[0].t_ns - t0) / 1e9].concat(ot.map(function (s) {
			return (s.t_ns + s.interval_ns - t0) / 1e9;
		}));
	}
	function stepY(vals) {
		return [vals[0]].concat(vals);
	}
	function pick(ot, k, scale) {
		return ot.map(function (s) { return isNum(s[k]) ? s[k] * (scale || 1) : null; });
	}
	var STEP = { align: -1 };
	function bpsSeries(label, color) {
		return { label: label, scale: "bps", stroke: color, width: 2,
			paths: uPlot.paths.stepped(STEP), value: function (u, v) { return fmtBps(v); } };
	}
	function bpsAxis() {
		return { scale: "bps", label: "bit/s", size: 95,
			values: function (u, vals) { return vals.map(fmtBps); } };
	}
	var X_AXIS = { label: "time since the run's first traffic (s)" };

	function goodputChart(parent, f) {
		var ot = (f.results || {}).over_time || [];
		if (!ot.length)
			return;
		makeChart(chartBox(parent, "Goodput and throughput over time"), {
			scales: { x: { time: false }, bps: { range: zeroUp } },
			series: [{ label: "time (s)" }, bpsSeries("goodput (HTTP payload)", COLORS[0]),
				bpsSeries("throughput (TCP/IP, data sender)", COLORS[7])],
			axes: [X_AXIS, bpsAxis()],
		}, [stepX(ot), stepY(pick(ot, "goodput_bps")), stepY(pick(ot, "throughput_bps"))]);
	}

	function zeroUp(u, min, max) {
		return [0, max > 0 ? max * 1.05 : 1];
	}

	function rttChart(parent, f) {
		var ot = (f.results || {}).over_time || [];
		if (!ot.some(function (s) { return isNum(s.rtt_us); }))
			return;
		function count(label, color) {
			return { label: label + " / interval", scale: "n", stroke: color, width: 2,
				paths: uPlot.paths.stepped(STEP) };
		}
		makeChart(chartBox(parent, "RTT, retransmissions and CE marks over time"), {
			scales: { x: { time: false }, ns: { range: zeroUp }, n: { range: zeroUp } },
			series: [{ label: "time (s)" },
				{ label: "RTT (end of interval)", scale: "ns", stroke: COLORS[0], width: 2,
					spanGaps: true, value: function (u, v) { return fmtNs(v); } },
				count("retransmits", COLORS[1]), count("CE marks", COLORS[3])],
			axes: [X_AXIS, nsAxis("ns", "RTT"),
				{ scale: "n", label: "segments / interval", side: 1, grid: { show: false } }],
		}, [stepX(ot), [null].concat(pick(ot, "rtt_us", 1000)),
			stepY(pick(ot, "retransmits")), stepY(pick(ot, "ce"))]);
	}

	// --- the latency CCDF / CDF of all flows --------------------------
	// The fraction of frames received above each bucket's upper bound,
	// counting frames below and above the histogram's range too.
	function ccdfPoints(l) {
		var below = l.below_range || 0, above = l.above_range || 0;
		var total = below + above, cum = below, xs = [], ys = [];
		l.histogram.forEach(function (b) { total += b[1]; });
		if (!total)
			return null;
		// the top of the curve: when the first frames arrived
		if (isNum(l.min_ns) && l.min_ns > 0 && l.min_ns < l.histogram[0][0]) {
			xs.push(l.min_ns);
			ys.push(1 - below / total);
		}
		l.histogram.forEach(function (b) {
			cum += b[1];
			var y = (total - cum) / total;
			if (b[0] > 0 && y >= CCDF_MIN / 10) {
				xs.push(b[0]);
				ys.push(y);
			} else if (b[0] > 0 && ys.length && ys[ys.length - 1] >= CCDF_MIN) {
				// the curve reaches its end: draw it down to the floor
				xs.push(b[0]);
				ys.push(CCDF_MIN / 10);
			}
		});
		return xs.length ? [xs, ys] : null;
	}

	var LINES = [[1e-2, "P99"], [1e-3, "P99.9"], [1e-4, "P99.99"]];

	function drawLines(u) {
		var ctx = u.ctx, bb = u.bbox;
		ctx.save();
		ctx.strokeStyle = "#888";
		ctx.fillStyle = "#555";
		ctx.setLineDash([6, 4]);
		ctx.lineWidth = 1;
		ctx.font = Math.round(11 * devicePixelRatio) + "px sans-serif";
		LINES.forEach(function (ln) {
			var y = Math.round(u.valToPos(ln[0], "y", true));
			ctx.beginPath();
			ctx.moveTo(bb.left, y);
			ctx.lineTo(bb.left + bb.width, y);
			ctx.stroke();
			ctx.fillText(ln[1], bb.left + 4, y - 3);
		});
		ctx.restore();
	}

	function cdfLabel(v) {
		if (v === null)		// uPlot's unlabelled minor ticks
			return null;
		var p = 100 * (1 - v);
		return "P" + (Math.round(p * 1000) / 1000);
	}

	// kb-interpreting-results: when to distrust a flow's curve
	function warningsOf(l) {
		var w = [], pts = 0;
		l.histogram.forEach(function (b) { if (b[1] > 0) pts++; });
		if (pts < 50)
			w.push("flow detected with less than 50 data points (" + pts +
				" distinct latency values): the histogram is a narrow spike; make the latency range narrower");
		if (l.below_range > 0)
			w.push("flow detected with packets below range (" + l.below_range +
				" frames below " + fmtNs(l.range_min_ns) + ")");
		if (l.above_range > 0)
			w.push("flow detected with packets above range (" + l.above_range +
				" frames above " + fmtNs(l.range_max_ns) + ")");
		if (l.tx_time_error_ns > 0 && l.tx_time_error_ns * 10 > l.min_ns)
			w.push("flow sent in bursts: its frames shared TX time reads, so a latency may read high by up to " +
				fmtNs(l.tx_time_error_ns) + ", over a tenth of its minimum latency " +
				fmtNs(l.min_ns) + "; lower the rate for exact TX times");
		if (!(l.count >= 10000))
			w.push("flow detected with less than 10,000 received packets (" +
				fmtInt(l.count || 0) + "): too few for a precise P99.99; send more frames or run longer");
		return w;
	}

	function ccdfSection() {
		var tables = [], series = [{ label: "latency", value: function (u, v) { return fmtNs(v); } }];
		var warnings = [];
		(rec.flows || []).forEach(function (f, i) {
			var l = histogram(f), pts = l && ccdfPoints(l);
			if (!pts)
				return;
			tables.push(pts);
			series.push({ label: f.name, stroke: COLORS[i % COLORS.length], width: 2,
				spanGaps: true, value: function (u, v) { return isNum(v) ? v.toExponential(2) : "-"; } });
			warningsOf(l).forEach(function (w) { warnings.push([f.name, w]); });
		});
		if (!tables.length)
			return;
		add(main, el("h2", null, "Latency CCDF and CDF of all flows"));
		add(main, el("p", "hint", "Log axes. Left: the fraction of frames received above a latency " +
			"(CCDF, 1 down to 0.0001); right: the percentile received below it (CDF, P0 down to P99.99). " +
			"Flows further left have lower latency; where a curve crosses the P99 line, 99 % of its frames had arrived."));
		if (warnings.length) {
			var box = add(main, el("div", "warnings"));
			add(box, el("strong", null, "Warnings"));
			var ul = add(box, el("ul"));
			warnings.forEach(function (w) { add(ul, el("li", null, w[0] + ": " + w[1])); });
		}
		var data = tables.length > 1 ? uPlot.join(tables) : tables[0];
		makeChart(chartBox(main, "Latency CCDF / CDF"), {
			height: 360,
			scales: { x: { time: false, distr: 3 }, y: { distr: 3, range: [CCDF_MIN, 1] } },
			series: series,
			axes: [nsAxis("x", "latency"),
				{ scale: "y", label: "CCDF (fraction above)", size: 70,
					values: function (u, vals) { return vals.map(function (v) { return v === null ? null : String(v); }); } },
				{ scale: "y", side: 1, label: "CDF", size: 70, grid: { show: false },
					values: function (u, vals) { return vals.map(cdfLabel); } }],
			hooks: { drawSeries: [], draw: [drawLines] },
		}, data);
	}

	function flowHeading(sec, f) {
		var h = add(sec, el("h3", null, "Flow " + f.name + " "));
		var v = (f.analysers || []).every(function (a) { return a.verdict === "PASS"; }) ? "PASS" : "FAIL";
		add(h, el("span", v, v));
	}

	// tables: [[heading, table], ...] side by side
	function tableRow(sec, tables) {
		var t = add(sec, el("div", "tables"));
		tables.forEach(function (p) {
			var c = add(t, el("div"));
			add(c, el("h4", null, p[0]));
			add(c, p[1]);
		});
	}

	// --- aggregate TCP throughput (lib/aggregate.c) ---------------------
	function aggregateTable(a) {
		function dir(label, d) {
			if (!d)
				return [label, "no TCP data"].concat([null, null, null, null, null, null, null]);
			return [label, fmtInt(d.flows), fmtBytes(d.payload_bytes),
				secs(isNum(d.scenario_s) ? +d.scenario_s.toFixed(3) : null),
				secs(isNum(d.alive_s) ? +d.alive_s.toFixed(3) : null),
				secs(isNum(d.active_s) ? +d.active_s.toFixed(3) : null),
				fmtBps(d.scenario_bps), fmtBps(d.alive_bps), fmtBps(d.active_bps)];
		}
		return gridTable(["direction", "flows", "payload", "scenario", "alive", "active",
			"scenario rate", "alive rate", "active rate"],
			[dir("TX", a.tx), dir("RX", a.rx)]);
	}

	// The flows whose data this port received, in the configured order.
	function rxFlows(port) {
		return (rec.flows || []).filter(function (f) {
			var ot = (f.results || {}).over_time;
			return isHttp(f) && f.destination === port && Array.isArray(ot) && ot.length;
		});
	}

	// Every flow's received payload spread over common bins (the longest
	// interval, a flow's own 1 s by default) in proportion to overlap.
	function binBytes(flows) {
		var a = Infinity, b = -Infinity, w = 0;
		flows.forEach(function (f) {
			f.results.over_time.forEach(function (s) {
				a = Math.min(a, s.t_ns);
				b = Math.max(b, s.t_ns + s.interval_ns);
				w = Math.max(w, s.interval_ns);
			});
		});
		var n = Math.max(1, Math.ceil((b - a) / w));
		var bins = flows.map(function (f) {
			var v = new Array(n).fill(0);
			f.results.over_time.forEach(function (s) { spread(s, a, w, v); });
			return v;
		});
		return { a: a, b: b, w: w, n: n, bins: bins };
	}
	function spread(s, a, w, v) {
		var lo = s.t_ns, hi = s.t_ns + s.interval_ns, k;
		if (!(hi > lo) || !isNum(s.rx_payload_bytes))
			return;
		for (k = Math.floor((lo - a) / w); k < v.length && a + k * w < hi; k++) {
			var ov = Math.min(hi, a + (k + 1) * w) - Math.max(lo, a + k * w);
			if (ov > 0)
				v[k] += s.rx_payload_bytes * ov / (hi - lo);
		}
	}

	// kb-interpreting-results, "Aggregate results over time": each flow a
	// band stacked on the ones configured before it.
	function stackedChart(parent, port) {
		var flows = rxFlows(port);
		if (!flows.length)
			return;
		var g = binBytes(flows), t0 = isNum(T0) ? T0 : g.a, x = [(g.a - t0) / 1e9];
		var len = [], k, own, cum = [], series = [{ label: "time (s)" }], bands = [];
		for (k = 0; k < g.n; k++) {
			var end = Math.min(g.b, g.a + (k + 1) * g.w);
			len.push(end - (g.a + k * g.w));
			x.push((end - t0) / 1e9);
		}
		own = g.bins.map(function (v) {
			return stepY(v.map(function (bytes, i) { return bytes * 8e9 / len[i]; }));
		});
		own.forEach(function (v, i) {
			var color = COLORS[i % COLORS.length];
			cum.push(v.map(function (y, j) { return y + (i ? cum[i - 1][j] : 0); }));
			series.push({ label: flows[i].name, scale: "bps", stroke: color, width: 1,
				fill: i ? undefined : color + "99", paths: uPlot.paths.stepped(STEP),
				value: function (u, y, si, idx) { return idx === null ? "-" : fmtBps(own[si - 1][idx]); } });
			if (i)
				bands.push({ series: [i + 1, i], fill: color + "99" });
		});
		makeChart(chartBox(parent, "Aggregate RX goodput of port " + port + " over time (stacked)"), {
			scales: { x: { time: false }, bps: { range: zeroUp } },
			series: series, bands: bands, axes: [X_AXIS, bpsAxis()],
		}, [x].concat(cum));
	}

	function aggregateSection() {
		var agg = rec.aggregate;
		if (!Array.isArray(agg) || !agg.length)
			return;
		var sec = add(main, el("section", "aggregate"));
		sec.id = "aggregate";
		add(sec, el("h2", null, "Aggregate TCP throughput"));
		add(sec, el("p", "hint", "Each rate is the port's TCP payload over one duration: " +
			"scenario = the run's first to last TCP data (any port), alive = this port's first to last, " +
			"active = the time at least one of its flows moved data. TX is counted where the data was sent, " +
			"RX where it was received; frame blasting flows are not counted."));
		add(sec, el("p", "hint", "Do not add up the flows' own rates: each is over its own period, so " +
			"360 Mbit in 8 s and 720 Mbit in 12 s sum to 45 + 60 = 105 Mbit/s, while the link carried " +
			"1080 Mbit in 12 s, 90 Mbit/s."));
		agg.forEach(function (a) {
			add(sec, el("h3", null, "Port " + a.port));
			add(sec, aggregateTable(a));
			stackedChart(sec, a.port);
		});
	}

	function frameFlowSection(f) {
		var sec = add(main, el("section", "flow"));
		flowHeading(sec, f);
		tableRow(sec, [["Configuration", configTable(f)], ["Results", resultsTable(f)]]);
		add(sec, el("h4", null, "Analysers"));
		add(sec, analyserTable(f));
		throughputChart(sec, f);
		latencyTimeChart(sec, f);
		histogramChart(sec, f);
	}

	function httpFlowSection(f) {
		var sec = add(main, el("section", "flow http"));
		flowHeading(sec, f);
		tableRow(sec, [["Configuration", httpConfigTable(f)], ["Results", httpResultsTable(f)]]);
		tableRow(sec, [["Client and server", httpEndsTable(f)],
			["Request and response times", httpTimingTable(f)], ["TCP", httpTcpTable(f)]]);
		add(sec, el("h4", null, "Analysers"));
		add(sec, analyserTable(f));
		goodputChart(sec, f);
		rttChart(sec, f);
	}

	// video: the player's buffer model (Documentation/scenario.md, video)
	function videoFlowSection(f) {
		var sec = add(main, el("section", "flow video"));
		var c = f.config || {}, r = f.results || {}, ot = r.over_time || [];
		flowHeading(sec, f);
		tableRow(sec, [["Configuration", kvTable([
			["type", f.type], ["source (server)", f.source], ["destination (player)", f.destination],
			["segment", fmtInt(c.segment_size) + " B of " + c.segment_duration_s + " s"],
			["buffering goal", c.buffering_goal_s + " s"], ["play goal", c.play_goal_s + " s"],
			["duration", isNum(c.duration_s) ? c.duration_s + " s" : "until maximum_run_time"],
			["TCP server port", c.tcp_server_port], ["flow group", fmtAny(c.flow_group)],
			["max initial wait", (c.analysis || {}).max_initial_wait_time + " s"],
			["max stalls", (c.analysis || {}).max_stalls],
		])], ["Results", kvTable([
			["status", r.status], ["reason", r.reason, true],
			["segments", fmtInt(r.segments)], ["initial wait", fmtNs(r.initial_wait_ns)],
			["stalls", fmtInt(r.stalls)], ["time stalled", fmtNs(r.stall_ns)],
			["buffer at the end", isNum(r.buffer_s) ? r.buffer_s.toFixed(3) + " s" : null],
			["bytes into the buffer", fmtInt(r.bytes_in)], ["bytes played", fmtInt(r.bytes_out)],
			["average goodput", fmtBps(r.goodput_bps)],
		])]]);
		add(sec, el("h4", null, "Analysers"));
		add(sec, analyserTable(f));
		if (!ot.length)
			return;
		makeChart(chartBox(sec, "Buffer level and goodput over time"), {
			scales: { x: { time: false }, s: { range: zeroUp }, bps: { range: zeroUp } },
			series: [{ label: "time (s)" },
				{ label: "buffer (s of video)", scale: "s", stroke: COLORS[0], width: 2,
					paths: uPlot.paths.stepped(STEP) },
				bpsSeries("goodput (segments)", COLORS[7])],
			axes: [X_AXIS, { scale: "s", label: "buffer (s)" },
				Object.assign(bpsAxis(), { side: 1, grid: { show: false } })],
		}, [stepX(ot), stepY(pick(ot, "buffer_s")), stepY(pick(ot, "goodput_bps"))]);
	}

	function flowSection(f) {
		if (isHttp(f))
			httpFlowSection(f);
		else if (f.type === "video")
			videoFlowSection(f);
		else
			frameFlowSection(f);
	}

	function section(fn, arg) {
		try {
			fn(arg);
		} catch (e) {
			errors++;
			add(main, el("p", "warnings", "report section failed: " + e.message));
		}
	}

	section(runSection);
	section(portSection);
	section(captureSection);
	add(main, el("h2", null, "Flows"));
	if ((rec.flows || []).some(isHttp))
		add(main, el("p", "hint", "HTTP flows: times are seconds since the run's first traffic " +
			"(its earliest timestamp), to the µs."));
	(rec.flows || []).forEach(function (f) { section(flowSection, f); });
	section(ccdfSection);
	section(aggregateSection);
	// uPlot draws in a microtask after construction: count after it
	setTimeout(function () {
		document.body.dataset.chartsRendered = String(drawn);
		if (errors)
			document.body.dataset.chartErrors = String(errors);
	}, 0);
})();
