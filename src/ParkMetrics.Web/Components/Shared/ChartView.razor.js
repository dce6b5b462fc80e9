// Chart.js 4 (loaded globally from wwwroot/lib/chart.umd.min.js) drawing the charts of a server-rendered page: each
// <canvas data-chart="…"> holds its spec (ChartSpec.cs). The chart of a canvas is kept in a WeakMap so that a canvas
// is drawn once, and destroyed charts free their memory with the canvas.
const charts = new WeakMap();

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999', '#000000'];
const markers = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'];

const whiteBackground = {
    id: 'whiteBackground',
    beforeDraw(chart) {
        const { ctx, width, height } = chart;
        ctx.save();
        ctx.globalCompositeOperation = 'destination-over';
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, width, height);
        ctx.restore();
    }
};

// Each bar of a horizontal bar chart carries its value as printed, so that a short bar beside a long one still reads.
const barLabels = {
    id: 'barLabels',
    afterDatasetsDraw(chart) {
        if (chart.config.type !== 'bar' || chart.options.indexAxis !== 'y') return;
        const { ctx } = chart;
        ctx.save();
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillStyle = '#212529';
        ctx.textBaseline = 'middle';
        chart.data.datasets.forEach((dataset, i) => {
            const meta = chart.getDatasetMeta(i);
            if (meta.hidden) return;
            meta.data.forEach((bar, j) => {
                const value = dataset.data[j];
                if (value === null || value === undefined) return;
                const text = (dataset.notes && dataset.notes[j]) ?? String(value);
                const width = ctx.measureText(text).width;
                const inside = bar.x + 4 + width > chart.chartArea.right;
                ctx.fillStyle = inside ? '#ffffff' : '#212529';
                ctx.textAlign = inside ? 'right' : 'left';
                ctx.fillText(text, inside ? bar.x - 4 : bar.x + 4, bar.y);
            });
        });
        ctx.restore();
    }
};

// Forecasts and targets as bars: diagonal hatching in the series' colour on white, never a solid actual bar.
function hatch(color) {
    const size = 8;
    const tile = document.createElement('canvas');
    tile.width = tile.height = size;
    const ctx = tile.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, size, size);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.moveTo(-size / 2, size / 2);
    ctx.lineTo(size / 2, -size / 2);
    ctx.moveTo(size / 2, size * 1.5);
    ctx.lineTo(size * 1.5, size / 2);
    ctx.stroke();
    return ctx.createPattern(tile, 'repeat');
}

function toConfig(spec) {
    const kind = spec.kind;
    const type = kind === 'doughnut' ? 'doughnut' : kind === 'line' ? 'line' : 'bar';
    const datasets = spec.series.map(s => {
        const color = palette[s.colorIndex % palette.length];
        const dataset = {
            label: s.label,
            data: s.values,
            notes: s.notes,
            bridge: s.bridgeIndex,
            borderColor: kind === 'doughnut' ? '#ffffff' : color,
            backgroundColor: kind === 'doughnut' ? s.values.map((_, i) => palette[i % palette.length])
                : s.dashed ? (type === 'bar' ? hatch(color) : 'rgba(255,255,255,0)') : kind === 'line' ? color : color + 'cc',
            borderWidth: kind === 'line' ? 2 : s.dashed ? 2 : 1,
            pointStyle: markers[s.colorIndex % markers.length],
            pointRadius: 4,
            // A year without a figure stays a gap on an actual series; a dashed projection may bridge it.
            spanGaps: !!s.dashed,
            skipNull: true,
        };
        if (s.dashed) {
            dataset.borderDash = [6, 4];
            dataset.pointBackgroundColor = '#ffffff';
            dataset.pointRadius = s.values.map((_, i) => i === s.bridgeIndex ? 0 : 5);
            dataset.pointHitRadius = s.values.map((_, i) => i === s.bridgeIndex ? 0 : 5);
        }
        if (kind === 'stackedBar') dataset.stack = 'stack';
        return dataset;
    });
    const options = {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        plugins: {
            legend: { display: datasets.length > 1 || type === 'doughnut', position: 'bottom', labels: { usePointStyle: type !== 'bar' } },
            tooltip: {
                filter: item => item.dataIndex !== item.dataset.bridge,
                callbacks: {
                    label: ctx => {
                        const note = ctx.dataset.notes && ctx.dataset.notes[ctx.dataIndex];
                        return `${ctx.dataset.label}: ${note ?? ctx.formattedValue}`;
                    }
                }
            }
        }
    };
    if (type !== 'doughnut') {
        const valueAxis = spec.horizontal ? 'x' : 'y';
        options.scales = {
            [valueAxis]: { beginAtZero: true, stacked: kind === 'stackedBar', grace: spec.horizontal ? '15%' : 0,
                title: { display: !!spec.valueAxisTitle, text: spec.valueAxisTitle ?? '' } },
            [valueAxis === 'x' ? 'y' : 'x']: {
                stacked: kind === 'stackedBar',
                ticks: {
                    autoSkip: !spec.horizontal,
                    // Long indicator names in a narrow chart (a phone, the printed briefing's thirds of A4) take at most
                    // two fifths of its width, as Chart.js cuts an axis wider than that; the tooltip and the table view
                    // keep the full text.
                    callback(value) {
                        const label = this.getLabelForValue(value);
                        return typeof label === 'string' ? shortened(label, this.chart.width * 0.4) : label;
                    }
                }
            }
        };
    }
    return { type, data: { labels: spec.labels, datasets }, options, plugins: [whiteBackground, barLabels] };
}

/** The label, cut with an ellipsis to about <width> pixels of a 12 px tick font (a Chinese character ~13 px, a Latin one ~7). */
function shortened(label, width) {
    const chars = Array.from(label);
    let used = 0;
    for (let i = 0; i < chars.length; i++) {
        used += chars[i] > '\u1100' ? 13 : 7;
        if (used > width) return chars.slice(0, Math.max(3, i - 1)).join('') + '…';
    }
    return label;
}

/**
 * Draws the chart of a canvas from its data-chart attribute. Again after an enhanced navigation: Blazor keeps a canvas
 * element where the new page has one in the same place, but resets the attributes Chart.js had set on it.
 */
export function render(canvas) {
    if (!window.Chart) return;
    charts.get(canvas)?.destroy();
    const spec = JSON.parse(canvas.dataset.chart);
    charts.set(canvas, new window.Chart(canvas, toConfig(spec)));
}

export function destroy(canvas) {
    charts.get(canvas)?.destroy();
    charts.delete(canvas);
}

/** Lets every chart fit the paper's width before printing, and the screen's after. */
export function resizeAll() {
    document.querySelectorAll('canvas[data-chart]').forEach(canvas => charts.get(canvas)?.resize());
}

function wrap(ctx, text, maxWidth) {
    const lines = [];
    let line = '';
    for (const ch of Array.from(text)) {
        if (ctx.measureText(line + ch).width > maxWidth && line) { lines.push(line); line = ch.trimStart(); }
        else line += ch;
    }
    if (line) lines.push(line);
    return lines;
}

/**
 * The chart as a PNG that stands on its own: its title above, and below it the unit, the period, the sources and
 * where it came from (the canvas's data-image attribute).
 */
export function downloadPng(canvas) {
    const image = JSON.parse(canvas.dataset.image);
    const scale = 2;
    const width = Math.max(canvas.clientWidth, 480);
    const pad = 16;
    const probe = document.createElement('canvas').getContext('2d');
    probe.font = '600 16px system-ui, sans-serif';
    const titleLines = wrap(probe, image.title, width - 2 * pad);
    probe.font = '12px system-ui, sans-serif';
    const footLines = image.lines.flatMap(l => wrap(probe, l, width - 2 * pad));
    const chartHeight = canvas.clientHeight * (width / canvas.clientWidth);
    const height = pad + titleLines.length * 22 + 8 + chartHeight + 8 + footLines.length * 17 + pad;
    const out = document.createElement('canvas');
    out.width = width * scale;
    out.height = height * scale;
    const ctx = out.getContext('2d');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#212529';
    ctx.textBaseline = 'top';
    ctx.font = '600 16px system-ui, sans-serif';
    let y = pad;
    for (const l of titleLines) { ctx.fillText(l, pad, y); y += 22; }
    y += 8;
    ctx.drawImage(canvas, 0, y, width, chartHeight);
    y += chartHeight + 8;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#495057';
    for (const l of footLines) { ctx.fillText(l, pad, y); y += 17; }
    const link = document.createElement('a');
    link.href = out.toDataURL('image/png');
    link.download = image.fileName;
    link.click();
}
