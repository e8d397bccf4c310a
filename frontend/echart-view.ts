import * as echarts from 'echarts';

/** ECharts draws '-' as a gap: the server sends null for a loss that is NaN or infinite. */
type Point = [number, number | '-'];

/**
 * <echart-view>: an Apache ECharts chart driven from the server.
 *
 * ECharts measures its container once, at init; a container without a size yet (not laid out, in a hidden
 * tab) gives a 0x0 chart and the warning "Can't get DOM width or height". So the chart is created only
 * when the ResizeObserver first reports a real size, and until then the element just keeps the option.
 */
class EChartView extends HTMLElement {
  private option: echarts.EChartsOption = {};
  private chart?: echarts.ECharts;
  private readonly resizeObserver = new ResizeObserver(() => this.sizeChanged());

  connectedCallback(): void {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this.resizeObserver.observe(this);
  }

  disconnectedCallback(): void {
    this.resizeObserver.unobserve(this);
    // the option stays, so a re-attached element draws the same chart again
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** Replaces the whole chart with the option given as JSON text. */
  setOption(json: string): void {
    this.option = JSON.parse(json) as echarts.EChartsOption;
    this.chart?.setOption(this.option, { notMerge: true });
  }

  /** Adds one point to the end of a series and redraws only that series' data. */
  appendData(seriesIndex: number, x: number, y: number | null): void {
    const series = this.seriesList();
    while (series.length <= seriesIndex) {
      series.push({ type: 'line' });
    }
    const target = series[seriesIndex] as { type?: string; data?: Point[] };
    target.data ??= [];
    target.data.push([x, y ?? '-']);
    // ECharts merges series by index: empty objects leave the other series untouched; the type lets a
    // series that the chart does not have yet be created
    const update = series.map((_, index) =>
      index === seriesIndex ? { type: target.type, data: target.data } : {},
    );
    this.chart?.setOption({ series: update } as echarts.EChartsOption);
  }

  private seriesList(): object[] {
    const series = this.option.series;
    if (Array.isArray(series)) {
      return series as object[];
    }
    const list: object[] = series ? [series as object] : [];
    this.option.series = list as echarts.EChartsOption['series'];
    return list;
  }

  private sizeChanged(): void {
    if (this.clientWidth === 0 || this.clientHeight === 0) {
      return;
    }
    if (this.chart) {
      this.chart.resize();
      return;
    }
    this.chart = echarts.init(this);
    this.chart.setOption(this.option, { notMerge: true });
  }
}

// dev mode may evaluate the module again on reload; a second define would throw
if (!customElements.get('echart-view')) {
  customElements.define('echart-view', EChartView);
}
