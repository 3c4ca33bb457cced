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
			"netmask", "gateway", "ipv6", "vlans", "nat", "dhcp"];
		add(main, el("h2", null, "Ports"));
		add(main, gridTable(keys, (rec.ports || []).map(function (p) {
			return keys.map(function (k) {
				return k === "dhcp" ? dhcpText(p.dhcp) : p[k];
			});
		})));
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
		]);
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

	function flowSection(f) {
		var sec = add(main, el("section", "flow"));
		var h = add(sec, el("h3", null, "Flow " + f.name + " "));
		var v = (f.analysers || []).every(function (a) { return a.verdict === "PASS"; }) ? "PASS" : "FAIL";
		add(h, el("span", v, v));
		var t = add(sec, el("div", "tables"));
		var c1 = add(t, el("div")), c2 = add(t, el("div"));
		add(c1, el("h4", null, "Configuration"));
		add(c1, configTable(f));
		add(c2, el("h4", null, "Results"));
		add(c2, resultsTable(f));
		add(sec, el("h4", null, "Analysers"));
		add(sec, analyserTable(f));
		throughputChart(sec, f);
		latencyTimeChart(sec, f);
		histogramChart(sec, f);
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
	add(main, el("h2", null, "Flows"));
	(rec.flows || []).forEach(function (f) { section(flowSection, f); });
	section(ccdfSection);
	// uPlot draws in a microtask after construction: count after it
	setTimeout(function () {
		document.body.dataset.chartsRendered = String(drawn);
		if (errors)
			document.body.dataset.chartErrors = String(errors);
	}, 0);
})();
