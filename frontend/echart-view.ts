// A custom element wrapping Apache ECharts. The chart starts once the element has a size (a chart initialised
// in a zero-size box draws nothing and ECharts warns), follows the element's size, and accepts both whole
// option objects and appended points, so that a live training curve does not resend its history.
import * as echarts from 'echarts';

class EChartView extends HTMLElement {
  private chart?: echarts.ECharts;
  private pendingOption?: echarts.EChartsOption;
  private pendingPoints: Array<[number, number, number]> = [];
  private observer?: ResizeObserver;

  connectedCallback() {
    this.style.display = this.style.display || 'block';
    this.observer = new ResizeObserver(() => this.sizeChanged());
    this.observer.observe(this);
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** Replaces the chart's option (JSON text from the server). */
  setOption(json: string) {
    const option = JSON.parse(json) as echarts.EChartsOption;
    if (this.chart) {
      this.chart.setOption(option, true);
    } else {
      this.pendingOption = option;
    }
  }

  /** Appends one [x, y] point to a line series. */
  appendPoint(series: number, x: number, y: number) {
    if (!this.chart) {
      this.pendingPoints.push([series, x, y]);
      return;
    }
    const option = this.chart.getOption() as { series?: Array<{ data?: Array<[number, number]> }> };
    const all = option.series ?? [];
    if (!all[series]) {
      return;
    }
    const data = (all[series].data ?? []).slice();
    data.push([x, y]);
    const update = all.map((_, i) => (i === series ? { data } : {}));
    this.chart.setOption({ series: update });
  }

  private sizeChanged() {
    if (this.clientWidth === 0 || this.clientHeight === 0) {
      return;
    }
    if (!this.chart) {
      this.chart = echarts.init(this);
      if (this.pendingOption) {
        this.chart.setOption(this.pendingOption, true);
        this.pendingOption = undefined;
      }
      const points = this.pendingPoints;
      this.pendingPoints = [];
      points.forEach(([s, x, y]) => this.appendPoint(s, x, y));
    } else {
      this.chart.resize();
    }
  }
}

customElements.define('echart-view', EChartView);
