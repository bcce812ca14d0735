"""Where the demo's cases happen and who handles them: prosecutors' offices, referring units, places
abroad with their airports, overseas missions, and the flights between them."""

from __future__ import annotations

__all__ = ["OFFICES", "UNITS", "PLACES", "SEA_COUNTRIES", "MISSIONS", "OUT_FLIGHTS", "HOME_FLIGHTS",
           "ARRIVAL_FLIGHTS"]

OFFICES: tuple[str, ...] = tuple(f"臺灣{c}地方檢察署" for c in (
    "臺北", "新北", "士林", "桃園", "新竹", "苗栗", "臺中", "彰化", "南投", "雲林", "嘉義", "臺南",
    "橋頭", "高雄", "屏東", "宜蘭", "基隆", "花蓮", "臺東"))

UNITS: tuple[str, ...] = (
    "內政部移民署北區事務大隊臺北市專勤隊", "內政部移民署北區事務大隊桃園市專勤隊",
    "內政部移民署中區事務大隊臺中市專勤隊", "內政部移民署南區事務大隊高雄市專勤隊",
    "內政部移民署國境事務大隊", "內政部警政署刑事警察局", "法務部調查局", "臺北市政府警察局",
    "新北市政府警察局", "高雄市政府警察局", "海洋委員會海巡署偵防分署",
)

#: Country code -> (Chinese country, places, nearest airport)
PLACES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "KH": ("柬埔寨", ("西港", "金邊", "巴域"), "PNH"),
    "MM": ("緬甸", ("妙瓦底",), "BKK"),
    "TH": ("泰國", ("曼谷", "湄索"), "BKK"),
    "LA": ("寮國", ("金三角經濟特區",), "BKK"),
    "VN": ("越南", ("胡志明市",), "SGN"),
    "PH": ("菲律賓", ("馬尼拉",), "MNL"),
    "MY": ("馬來西亞", ("吉隆坡",), "KUL"),
    "AE": ("阿拉伯聯合大公國", ("杜拜",), "DXB"),
}
SEA_COUNTRIES: frozenset[str] = frozenset({"KH", "MM", "TH", "LA", "VN", "PH", "MY"})
MISSIONS: dict[str, str] = {
    "KH": "駐胡志明市辦事處", "MM": "駐緬甸代表處", "TH": "駐泰國代表處", "LA": "駐泰國代表處",
    "VN": "駐胡志明市辦事處", "PH": "駐菲律賓代表處", "MY": "駐馬來西亞代表處", "AE": "駐杜拜辦事處",
}
OUT_FLIGHTS: dict[str, tuple[str, ...]] = {
    "PNH": ("BR265", "CI835"), "BKK": ("BR211", "CI833", "TG635"), "DXB": ("EK367",),
    "SGN": ("BR395", "CI781"), "MNL": ("PR891", "CI701"), "KUL": ("BR227", "CI721"),
}
HOME_FLIGHTS: dict[str, tuple[str, ...]] = {
    "PNH": ("BR266", "CI836"), "BKK": ("BR212", "CI834", "TG634"), "DXB": ("EK366",),
    "SGN": ("BR396", "CI782"), "MNL": ("PR890", "CI702"), "KUL": ("BR228", "CI722"),
}
#: Flights that bring migrant workers to Taiwan, by the airport they leave from.
ARRIVAL_FLIGHTS: dict[str, tuple[str, ...]] = {
    "CGK": ("BR238", "CI762"), "SGN": ("BR396", "CI782", "VJ940"), "MNL": ("PR890", "CI702", "5J310"),
    "BKK": ("BR212", "CI834", "TG634"),
}
