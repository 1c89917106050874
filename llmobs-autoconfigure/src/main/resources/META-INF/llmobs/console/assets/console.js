/*
 * The llmobs console: reads ./data (the application's own JSON) every 5 s and draws it as plain SVG and tables.
 * No library and no other origin; every text from the data goes through textContent, never HTML.
 */
(function () {
	'use strict';

	const SVG = 'http://www.w3.org/2000/svg';
	const REFRESH_MS = 5000;
	const HOUR = 60;
	const SECTIONS = ['system', 'tool_definitions', 'history', 'retrieved_documents', 'tool_results', 'user_input'];
	const COLORS = ['#2563eb', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#db2777', '#65a30d', '#a16207', '#4f46e5', '#475569'];
	const state = { data: null, loads: 0 };

	function el(tag, attrs, children) {
		const node = document.createElement(tag);
		Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
		(children || []).forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
		return node;
	}

	function svg(tag, attrs) {
		const node = document.createElementNS(SVG, tag);
		Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, String(value)));
		return node;
	}

	function usd(value) {
		return (value === null || value === undefined) ? '-' : '$' + value.toFixed(6);
	}

	function ms(value) {
		return (value === null || value === undefined) ? '-' : value.toFixed(1) + ' ms';
	}

	function color(index) {
		return COLORS[index % COLORS.length];
	}

	function text(id, value) {
		document.getElementById(id).textContent = value;
	}

	/** Fills a table; a cell is a value or {text, number, cls}; a row may carry {cls, key}. */
	function table(id, headers, rows) {
		const target = document.getElementById(id);
		target.replaceChildren(el('tr', {}, headers.map((header) => el('th', {}, [header]))));
		if (rows.length === 0) {
			target.append(el('tr', {}, [el('td', { colspan: headers.length, class: 'empty' }, ['none yet'])]));
		}
		rows.forEach((row) => {
			const cells = row.cells || row;
			const tr = el('tr', row.key !== undefined ? { 'data-key': row.key } : {});
			if (row.cls) {
				tr.className = row.cls;
			}
			cells.forEach((cell) => {
				const plain = cell === null || typeof cell !== 'object';
				const td = el('td', {}, [plain ? (cell === null ? '-' : cell) : cell.text]);
				if (typeof cell === 'number' || (!plain && cell.number)) {
					td.className = 'number';
				}
				if (!plain && cell.cls) {
					td.classList.add(cell.cls);
				}
				tr.append(td);
			});
			target.append(tr);
		});
	}

	function entries(map) {
		return Object.entries(map || {});
	}

	function renderTotals(data) {
		const totals = data.totals;
		const total = document.getElementById('total-cost');
		total.textContent = usd(totals.costUsd);
		total.dataset.value = totals.costUsd;
		text('total-calls', totals.calls);
		text('total-input-tokens', totals.tokens.input || 0);
		text('total-output-tokens', totals.tokens.output || 0);
		text('cost-per-task', usd(data.costPerSuccessfulTaskUsd));
		table('cost-by-model', ['model', 'USD'], entries(totals.byModelUsd).map(([key, value]) => ({ key, cells: [key, { text: usd(value), number: true }] })));
		table('cost-by-stage', ['stage', 'USD'], entries(totals.byStageUsd).map(([key, value]) => ({ key, cells: [key, { text: usd(value), number: true }] })));
	}

	/** Stacked bars, one per minute; values keyed by series name, one per minute. */
	function stackedBars(target, minutes, series, format) {
		const width = 720;
		const height = 180;
		const names = Object.keys(series);
		const sums = minutes.map((minute, i) => names.reduce((sum, name) => sum + (series[name][i] || 0), 0));
		const max = Math.max(...sums, 0);
		const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img' });
		// An hour is always 60 slots wide, the current minute on the right.
		const slot = width / HOUR;
		const first = HOUR - minutes.length;
		minutes.forEach((minute, m) => {
			const i = first + m;
			let y = height;
			names.forEach((name, n) => {
				const value = series[name][m] || 0;
				if (value > 0 && max > 0) {
					const barHeight = Math.max(1, value / max * (height - 4));
					y -= barHeight;
					const bar = svg('rect', { class: 'bar', x: i * slot + 1, y, width: Math.max(slot - 2, 1), height: barHeight, fill: color(n), 'data-series': name, 'data-value': value });
					const title = svg('title');
					title.textContent = `${new Date(minute).toLocaleTimeString()} ${name}: ${format(value)}`;
					bar.append(title);
					chart.append(bar);
				}
			});
		});
		const legend = el('div', { class: 'legend' }, names.map((name, n) => legendItem(name, color(n))));
		target.replaceChildren(el('div', { class: 'status' }, [max > 0 ? `highest minute: ${format(max)}` : 'no data in the last hour']), chart, legend);
	}

	function legendItem(name, fill) {
		const box = svg('svg', { viewBox: '0 0 10 10' });
		box.append(svg('rect', { width: 10, height: 10, fill }));
		return el('span', {}, [box, name]);
	}

	function renderCost(data) {
		const group = document.getElementById('cost-group').value;
		const perMinute = data.costPerMinuteUsd;
		stackedBars(document.getElementById('cost-chart'), perMinute.minutes, perMinute.series[group] || {}, usd);
	}

	function latencyRows(latency) {
		return latency.map((row) => [row.model, row.stage, row.count, { text: ms(row.meanMs), number: true }, { text: ms(row.p50Ms), number: true }, { text: ms(row.p95Ms), number: true }]);
	}

	function renderLatency(data) {
		const headers = ['model', 'stage', 'calls', 'mean', 'p50', 'p95'];
		table('latency-table', headers, latencyRows(data.latency));
		table('ttft-table', headers, latencyRows(data.timeToFirstToken));
		table('finish-reasons', ['reason', 'model calls'], entries(data.finishReasons).map(([reason, count]) => ({ key: reason, cls: reason === 'length' ? 'alert' : '', cells: [reason, count] })));
	}

	function renderContext(data) {
		const limits = data.context;
		document.getElementById('context-legend').replaceChildren(...SECTIONS.map((section, i) => legendItem(section, color(i))),
			el('span', {}, [`warn line at ${limits.warnRatio}` + (limits.blockRatio !== null ? `, block line at ${limits.blockRatio}` : '')]));
		const bars = document.getElementById('context-bars');
		const byPrompt = document.getElementById('context-scale').value === 'prompt';
		const largest = Math.max(1, ...data.recentCalls.map((call) => call.context ? call.context.tokens : 0));
		bars.replaceChildren(...data.recentCalls.map((call) => contextBar(call, limits, byPrompt ? largest : null)));
	}

	/** A call's sections stacked against its model's window, or against the largest recent prompt when given. */
	function contextBar(call, limits, largest) {
		const context = call.context;
		const chart = svg('svg', { viewBox: '0 0 1000 16', preserveAspectRatio: 'none' });
		let label = `${new Date(call.time).toLocaleTimeString()} ${call.model} ${call.stage}`;
		if (context) {
			const scale = largest || Math.max(context.window || 0, context.tokens, 1);
			let x = 0;
			SECTIONS.forEach((section, i) => {
				const tokens = context.sections[section] || 0;
				if (tokens > 0) {
					const width = tokens / scale * 1000;
					const rect = svg('rect', { class: 'section', x, y: 2, width, height: 12, fill: color(i), 'data-section': section });
					const title = svg('title');
					title.textContent = `${section}: ${tokens} tokens`;
					rect.append(title);
					chart.append(rect);
					x += width;
				}
			});
			if (context.window && !largest) {
				chart.append(svg('rect', { x: 0, y: 0, width: 1000, height: 16, fill: 'none', stroke: '#98a2b3' }));
				chart.append(svg('line', { class: 'warn', x1: limits.warnRatio * 1000, x2: limits.warnRatio * 1000, y1: 0, y2: 16, stroke: '#d97706', 'stroke-width': 3 }));
				if (limits.blockRatio !== null) {
					chart.append(svg('line', { class: 'block', x1: limits.blockRatio * 1000, x2: limits.blockRatio * 1000, y1: 0, y2: 16, stroke: '#dc2626', 'stroke-width': 3 }));
				}
			}
			if (context.window) {
				label += ` ${context.tokens} / ${context.window} tokens (${(context.utilization * 100).toFixed(1)}%)`;
			}
			else {
				label += ` ${context.tokens} tokens, window unknown`;
			}
		}
		else {
			label += ' (no context accounting)';
		}
		return el('div', { class: 'context-bar', 'data-trace': call.traceId || '' }, [el('span', {}, [label]), chart]);
	}

	function renderTools(data) {
		const tools = data.tools;
		table('tool-outcomes', ['tool', 'outcome', 'calls'], entries(tools.outcomes).flatMap(([tool, outcomes]) =>
			entries(outcomes).map(([outcome, count]) => ({ cls: outcome === 'success' ? '' : 'alert', cells: [tool, outcome, count] }))));
		table('tool-breakers', ['tool', 'state'], entries(tools.breakers).map(([tool, breakerState]) => [tool, { text: breakerState, cls: 'state-' + breakerState }]));
		table('loop-stops', ['reason', 'stops'], entries(tools.loopStops).map(([reason, count]) => [reason, count]));
	}

	function renderJudge(data) {
		const judge = data.judge;
		const perMinute = judge.meanScores;
		const series = perMinute.series.criterion || {};
		const width = 720;
		const height = 180;
		const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img' });
		const slot = width / HOUR;
		const first = HOUR - perMinute.minutes.length;
		let points = 0;
		Object.keys(series).forEach((criterion, n) => {
			const coordinates = [];
			series[criterion].forEach((mean, i) => {
				if (mean !== null) {
					coordinates.push(`${(first + i + 0.5) * slot},${height - mean * (height - 4) - 2}`);
					const point = svg('circle', { class: 'point', cx: (first + i + 0.5) * slot, cy: height - mean * (height - 4) - 2, r: 3, fill: color(n), 'data-value': mean });
					const title = svg('title');
					title.textContent = `${criterion}: ${mean.toFixed(3)}`;
					point.append(title);
					chart.append(point);
					points++;
				}
			});
			chart.append(svg('polyline', { points: coordinates.join(' '), fill: 'none', stroke: color(n), 'stroke-width': 2 }));
		});
		const legend = el('div', { class: 'legend' }, Object.keys(series).map((name, n) => legendItem(name, color(n))));
		document.getElementById('judge-chart').replaceChildren(el('div', { class: 'status' }, [points > 0 ? 'mean score per minute (0 to 1)' : 'no scores in the last hour']), chart, legend);
		table('judge-drift', ['criterion/stage', 'latest mean - baseline'], entries(judge.drift).map(([key, drift]) => ({ cls: drift < -0.1 ? 'alert' : '', cells: [key, { text: drift.toFixed(3), number: true }] })));
		table('judge-evaluations', ['outcome', 'evaluations'], entries(judge.evaluations).map(([outcome, count]) => ({ cls: (outcome.startsWith('dropped') || outcome === 'error') && count > 0 ? 'alert' : '', cells: [outcome, count] })));
	}

	function renderPii(data) {
		table('pii-table', ['type', 'direction', 'entities'], entries(data.piiEntities).flatMap(([type, directions]) =>
			entries(directions).map(([direction, count]) => [type, direction, count])));
	}

	/** Sections that other features add (budgets, conversations): tables of whatever they hold. */
	function renderExtra(data) {
		const target = document.getElementById('extra-sections');
		target.replaceChildren(...entries(data.sections).map(([name, value]) =>
			el('section', { 'data-section': name }, [el('h2', {}, [name]), generic(value)])));
	}

	function generic(value) {
		if (Array.isArray(value)) {
			const columns = [...new Set(value.flatMap((row) => (row && typeof row === 'object') ? Object.keys(row) : ['value']))];
			const rows = value.map((row) => columns.map((column) => cell((row && typeof row === 'object') ? row[column] : row)));
			return el('table', {}, [el('tr', {}, columns.map((column) => el('th', {}, [column]))),
				...rows.map((row) => el('tr', {}, row.map((content) => el('td', {}, [content]))))]);
		}
		if (value && typeof value === 'object') {
			return el('table', {}, entries(value).map(([key, inner]) =>
				el('tr', {}, [el('th', {}, [key]), el('td', {}, [(inner && typeof inner === 'object') ? generic(inner) : cell(inner)])])));
		}
		return el('span', {}, [cell(value)]);
	}

	function cell(value) {
		if (value === null || value === undefined) {
			return '-';
		}
		if (typeof value === 'number' && !Number.isInteger(value)) {
			return value.toFixed(6);
		}
		return (typeof value === 'object') ? JSON.stringify(value) : String(value);
	}

	function renderCalls(data) {
		const target = document.getElementById('recent-calls');
		const headers = ['time', 'stage', 'model', 'tenant', 'iteration', 'input tokens', 'output tokens', 'cost', 'latency', 'outcome', 'finish', 'trace id'];
		table('recent-calls', headers, data.recentCalls.map((call) => ({
			cls: (call.outcome !== 'success' || call.finishReason === 'length') ? 'alert' : '',
			cells: [new Date(call.time).toLocaleTimeString(), call.stage, call.model, call.tenant, call.iteration, call.inputTokens,
				call.outputTokens, { text: usd(call.costUsd), number: true }, { text: ms(call.latencyMs), number: true }, call.outcome,
				call.finishReason, call.traceId]
		})));
		// Content (redacted as exported) under its call, when capture is on.
		const rows = target.querySelectorAll('tr');
		data.recentCalls.forEach((call, i) => {
			if (call.content) {
				const details = el('details', {}, [el('summary', {}, ['content (redacted as exported)']),
					...['system', 'input', 'output'].filter((part) => call.content[part]).map((part) => el('pre', {}, [part + ': ' + call.content[part]]))]);
				rows[i + 1].after(el('tr', { class: 'content' }, [el('td', { colspan: headers.length }, [details])]));
			}
		});
	}

	function render(data) {
		state.data = data;
		renderTotals(data);
		renderCost(data);
		renderLatency(data);
		renderContext(data);
		renderTools(data);
		renderJudge(data);
		renderPii(data);
		renderExtra(data);
		renderCalls(data);
		state.loads++;
		document.body.dataset.loads = state.loads;
		text('updated', new Date(data.time).toLocaleTimeString());
	}

	function load() {
		fetch('data', { cache: 'no-store', headers: { Accept: 'application/json' } })
			.then((response) => {
				if (!response.ok) {
					throw new Error('HTTP ' + response.status);
				}
				return response.json();
			})
			.then(render)
			.catch((error) => text('updated', 'failed (' + error.message + ')'));
	}

	document.addEventListener('DOMContentLoaded', () => {
		document.getElementById('cost-group').addEventListener('change', () => state.data && renderCost(state.data));
		document.getElementById('context-scale').addEventListener('change', () => state.data && renderContext(state.data));
		load();
		setInterval(load, REFRESH_MS);
	});
}());
