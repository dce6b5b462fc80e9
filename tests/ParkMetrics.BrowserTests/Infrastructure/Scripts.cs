namespace ParkMetrics.BrowserTests.Infrastructure;

/// <summary>JavaScript the tests evaluate in the page.</summary>
internal static class Scripts
{
    /// <summary>How many pixels of a canvas are neither transparent nor (near) white: the chart's ink.</summary>
    public const string CanvasInk = """
        canvas => {
            const { width, height } = canvas;
            if (width === 0 || height === 0) return 0;
            const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
            let ink = 0;
            for (let i = 0; i < data.length; i += 4)
                if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) ink++;
            return ink;
        }
        """;

    public const string AllVisibleChartsDrawn = $$"""
        () => {
            const ink = {{CanvasInk}};
            const canvases = [...document.querySelectorAll('[data-testid=chart] canvas')].filter(c => c.offsetParent !== null);
            return canvases.length > 0 && canvases.every(c => ink(c) > 500);
        }
        """;

    /// <summary>The numbers Chart.js holds for each dataset of the canvas's chart.</summary>
    public const string ChartData = "canvas => window.Chart.getChart(canvas).data.datasets.map(d => d.data)";

    /// <summary>
    /// The visible elements that reach past the viewport's right edge (or start left of it), as short descriptions; the
    /// page's own horizontal scroll too. Visually hidden text (clipped to a pixel) is left out.
    /// </summary>
    public const string WiderThanViewport = """
        () => {
            const width = document.documentElement.clientWidth;
            const out = [];
            if (document.scrollingElement.scrollWidth > window.innerWidth) out.push(`page scrolls to ${document.scrollingElement.scrollWidth}`);
            for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                const style = getComputedStyle(e);
                if (style.visibility === 'hidden' || style.position === 'absolute' && (r.width <= 1 || r.height <= 1)) continue;
                if (e.closest('.visually-hidden, .visually-hidden-focusable:not(:focus)')) continue;
                // Inside a box clipped to a pixel (a stacked table's header, kept for screen readers): not on screen.
                let clipped = false;
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                    const b = p.getBoundingClientRect();
                    if (getComputedStyle(p).overflow !== 'visible' && b.width <= 1) { clipped = true; break; }
                }
                if (clipped) continue;
                if (r.right > width + 1 || r.left < -1)
                    out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} [${Math.round(r.left)}, ${Math.round(r.right)}] ${(e.textContent ?? '').trim().slice(0, 30)}`);
                if (out.length > 8) break;
            }
            return out;
        }
        """;

    public const string HasHorizontalScroll = "() => document.scrollingElement.scrollWidth > window.innerWidth";

    public const string ScrollWidths = "() => [document.scrollingElement.scrollWidth, window.innerWidth]";

    /// <summary>What has the focus, as a short description: tag, test id, text.</summary>
    public const string ActiveElement = """
        () => {
            const e = document.activeElement;
            return e ? `${e.tagName.toLowerCase()}|${e.getAttribute('data-testid') ?? ''}|${(e.textContent ?? '').trim().slice(0, 40)}|${e.getAttribute('href') ?? ''}` : '';
        }
        """;
}
