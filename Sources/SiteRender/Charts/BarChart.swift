import SiteModel

/// Bar charts as inline SVG, drawn by the generator: labelled axes, a title
/// and description for screen readers, the value printed on every bar, and a
/// legend, so that nothing depends on colour alone. The same numbers are in
/// an HTML table beside each chart.
struct BarChart {
    struct Series {
        var name: String
        var colour: String
        var values: [Double]
    }

    /// Unique on the page: the `<title>` and `<desc>` ids derive from it.
    var id: String
    var title: String
    var description: String
    /// One label per group (x-axis for vertical charts, y-axis for horizontal ones).
    var labels: [String]
    var series: [Series]
    var valueAxisTitle: String
    var labelAxisTitle: String
    var format: (Double) -> String = { formatValue($0) }

    static let text = "#1f2328"
    static let grid = "#d0d7de"

    /// Grouped vertical bars: one group per label, one bar per series.
    func vertical() -> TrustedHTML {
        let width = 640.0, height = 300.0
        let left = 56.0, right = 12.0, top = 40.0, bottom = 56.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maximum = niceMaximum(series.flatMap(\.values).max() ?? 0)
        var svg = open(width: width, height: height)
        // Value axis with ticks and gridlines.
        for tick in ticks(maximum) {
            let y = top + plotH - plotH * tick / maximum
            svg += line(left, y, left + plotW, y, stroke: Self.grid)
            svg += label(left - 6, y + 4, format(tick), anchor: "end")
        }
        svg += line(left, top, left, top + plotH, stroke: Self.text)
        svg += line(left, top + plotH, left + plotW, top + plotH, stroke: Self.text)
        let groupW = plotW / Double(max(labels.count, 1))
        let barW = min(36, groupW * 0.8 / Double(max(series.count, 1)))
        for (index, name) in labels.enumerated() {
            let groupX = left + groupW * Double(index) + (groupW - barW * Double(series.count)) / 2
            for (s, item) in series.enumerated() where index < item.values.count {
                let value = item.values[index]
                let h = maximum > 0 ? plotH * value / maximum : 0
                let x = groupX + barW * Double(s)
                svg += rect(x, top + plotH - h, barW - 2, h, fill: item.colour)
                svg += label(x + (barW - 2) / 2, top + plotH - h - 4, format(value), anchor: "middle", size: 10)
            }
            svg += label(left + groupW * (Double(index) + 0.5), top + plotH + 16, name, anchor: "middle")
        }
        svg += label(left + plotW / 2, height - 8, labelAxisTitle, anchor: "middle", weight: true)
        svg += "<text x=\"14\" y=\"\(SVGNumber(top + plotH / 2))\" transform=\"rotate(-90 14 \(SVGNumber(top + plotH / 2)))\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\"\(Self.text)\">\(escapeHTML(valueAxisTitle))</text>"
        svg += legend(x: left, y: 16)
        svg += "</svg>"
        return TrustedHTML(svg)
    }

    /// Horizontal bars, one per label, for a single series (e.g. accidents by category).
    func horizontal() -> TrustedHTML {
        let rowH = 26.0, left = 210.0, right = 48.0, top = 40.0, bottom = 40.0, width = 640.0
        let height = top + bottom + rowH * Double(max(labels.count, 1))
        let plotW = width - left - right
        let values = series.first?.values ?? []
        let maximum = niceMaximum(values.max() ?? 0)
        var svg = open(width: width, height: height)
        let plotBottom = height - bottom
        for tick in ticks(maximum) {
            let x = left + plotW * tick / maximum
            svg += line(x, top, x, plotBottom, stroke: Self.grid)
            svg += label(x, plotBottom + 14, format(tick), anchor: "middle")
        }
        svg += line(left, top, left, plotBottom, stroke: Self.text)
        svg += line(left, plotBottom, left + plotW, plotBottom, stroke: Self.text)
        for (index, name) in labels.enumerated() {
            let y = top + rowH * Double(index)
            let value = index < values.count ? values[index] : 0
            let w = maximum > 0 ? plotW * value / maximum : 0
            svg += rect(left, y + 4, w, rowH - 8, fill: series.first?.colour ?? "#0969da")
            svg += label(left + w + 4, y + rowH / 2 + 4, format(value), anchor: "start", size: 11)
            svg += label(left - 6, y + rowH / 2 + 4, name, anchor: "end")
        }
        svg += label(left + plotW / 2, height - 6, valueAxisTitle, anchor: "middle", weight: true)
        svg += label(left - 6, top - 10, labelAxisTitle, anchor: "end", weight: true)
        svg += legend(x: left, y: 16)
        svg += "</svg>"
        return TrustedHTML(svg)
    }

    // MARK: - Pieces

    func open(width: Double, height: Double) -> String {
        "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(SVGNumber(width)) \(SVGNumber(height))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" focusable=\"false\">"
            + "<title id=\"\(id)-title\">\(escapeHTML(title))</title><desc id=\"\(id)-desc\">\(escapeHTML(description))</desc>"
    }

    func legend(x: Double, y: Double) -> String {
        var svg = "", offset = x
        for item in series {
            svg += rect(offset, y - 10, 12, 12, fill: item.colour)
            svg += label(offset + 16, y, item.name, anchor: "start")
            offset += 28 + Double(item.name.count) * 12
        }
        return svg
    }

    func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String) -> String {
        "<rect x=\"\(SVGNumber(x))\" y=\"\(SVGNumber(y))\" width=\"\(SVGNumber(max(0, w)))\" height=\"\(SVGNumber(max(0, h)))\" fill=\"\(fill)\"/>"
    }

    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(SVGNumber(x1))\" y1=\"\(SVGNumber(y1))\" x2=\"\(SVGNumber(x2))\" y2=\"\(SVGNumber(y2))\" stroke=\"\(stroke)\" stroke-width=\"1\"/>"
    }

    func label(_ x: Double, _ y: Double, _ text: String, anchor: String, size: Int = 12, weight: Bool = false) -> String {
        "<text x=\"\(SVGNumber(x))\" y=\"\(SVGNumber(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\"\(weight ? " font-weight=\"bold\"" : "") fill=\"\(Self.text)\">\(escapeHTML(text))</text>"
    }

    /// The axis maximum: a whole number of steps, each 1, 2 or 5 times a power of ten (at least 1).
    func niceMaximum(_ value: Double) -> Double {
        let step = tickStep(value)
        return max(step, (value / step).rounded(.up) * step)
    }

    func tickStep(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let rough = value / 4
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        for step in [1.0, 2.0, 5.0, 10.0] where step * magnitude >= rough { return max(1, step * magnitude) }
        return max(1, 10 * magnitude)
    }

    /// Ticks from 0 to the maximum, one per step.
    func ticks(_ maximum: Double) -> [Double] {
        let step = tickStep(maximum)
        return stride(from: 0.0, through: maximum * (1 + 1e-9), by: step).map { $0 }
    }
}
