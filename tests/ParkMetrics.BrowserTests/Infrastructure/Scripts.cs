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
