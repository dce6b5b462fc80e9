// Chart.js 4 (loaded globally from wwwroot/lib/chart.umd.min.js) behind three functions the Blazor component calls.
// The chart of a canvas is kept in a WeakMap so that render() updates it and destroy() frees it.
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

function toConfig(spec) {
    const kind = spec.kind;
    const type = kind === 'doughnut' ? 'doughnut' : kind === 'line' ? 'line' : 'bar';
    const datasets = spec.series.map(s => {
        const color = palette[s.colorIndex % palette.length];
        const dataset = {
            label: s.label,
            data: s.values,
            notes: s.notes,
            borderColor: kind === 'doughnut' ? '#ffffff' : color,
            backgroundColor: kind === 'doughnut' ? s.values.map((_, i) => palette[i % palette.length])
                : s.dashed ? 'rgba(255,255,255,0)' : kind === 'line' ? color : color + 'cc',
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
            dataset.pointRadius = 5;
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
            legend: { display: datasets.length > 1 || type === 'doughnut', position: 'bottom', labels: { usePointStyle: true } },
            tooltip: {
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
            [valueAxis]: { beginAtZero: true, stacked: kind === 'stackedBar', title: { display: !!spec.valueAxisTitle, text: spec.valueAxisTitle ?? '' } },
            [valueAxis === 'x' ? 'y' : 'x']: {
                stacked: kind === 'stackedBar',
                ticks: {
                    autoSkip: !spec.horizontal,
                    // Long indicator names on a narrow screen: the tooltip and the table view keep the full text.
                    callback(value) {
                        const label = this.getLabelForValue(value);
                        const max = window.innerWidth < 576 ? 10 : 24;
                        return typeof label === 'string' && label.length > max ? label.slice(0, max - 1) + '…' : label;
                    }
                }
            }
        };
    }
    return { type, data: { labels: spec.labels, datasets }, options, plugins: [whiteBackground] };
}

export function render(canvas, spec) {
    const existing = charts.get(canvas);
    const config = toConfig(spec);
    if (existing && existing.config.type === config.type) {
        existing.data = config.data;
        existing.options = config.options;
        existing.update();
        return;
    }
    existing?.destroy();
    charts.set(canvas, new window.Chart(canvas, config));
}

export function destroy(canvas) {
    charts.get(canvas)?.destroy();
    charts.delete(canvas);
}

export function downloadPng(canvas, fileName) {
    const link = document.createElement('a');
    link.href = canvas.toDataURL('image/png');
    link.download = fileName;
    link.click();
}
