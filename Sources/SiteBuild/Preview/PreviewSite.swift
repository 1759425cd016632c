import Foundation
import SiteModel
import SiteRender

/// The last good build of the preview: its render context, the pages by
/// output path (rendered when first asked for), the not-found page, assets and
/// attachments; the sitemap, feeds and open data are made when first asked for.
public struct PreviewSite: Sendable {
    var context: RenderContext
    var pages: [String: PageAddress]
    var support: [String: Data]
    /// The translation-status pages, which list what every English page shows in Chinese.
    var statusPages: Set<String>
}
