import Model

/// Known regions, looked up by our id, by official code or by Sotkanet id (current or former).
public struct IndicatorRegionTable: Sendable {
    /// The regions, in the order given.
    public let regions: [Region]
    private var byReference: [String: Int] = [:]
    private var bySotkanetId: [Int: Int] = [:]

    /// A table of `regions`; when two share a code or Sotkanet id, the first wins.
    public init(_ regions: [Region]) {
        self.regions = regions
        for (index, region) in regions.enumerated() {
            for reference in [region.id] + [region.code].compactMap({ $0 }) + region.formerCodes where byReference[reference] == nil {
                byReference[reference] = index
            }
            for id in [region.sotkanetId].compactMap({ $0 }) + region.formerSotkanetIds where bySotkanetId[id] == nil {
                bySotkanetId[id] = index
            }
        }
    }

    /// The region with this id or code.
    public func region(reference: String) -> Region? {
        byReference[reference].map { regions[$0] } ?? Int(reference).flatMap { bySotkanetId[$0] }.map { regions[$0] }
    }

    /// The region with this Sotkanet id (current or former).
    public func region(sotkanetId: Int) -> Region? {
        bySotkanetId[sotkanetId].map { regions[$0] }
    }
}
