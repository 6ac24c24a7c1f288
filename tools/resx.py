"""Writes a pair of .resx files (pt-BR default and .en) from {key: (pt, en)}; shared by the workflow string scripts."""
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''


def write_resx(name, strings):
    """Writes src/SalesCrm.Web/Resources/<name>.resx (pt-BR) and <name>.en.resx, keys sorted."""
    for i, suffix in ((0, ""), (1, ".en")):
        with open(f"src/SalesCrm.Web/Resources/{name}{suffix}.resx", "w") as f:
            f.write(HEAD)
            for k in sorted(strings):
                f.write(f'  <data name="{k}" xml:space="preserve"><value>{escape(strings[k][i])}</value></data>\n')
            f.write("</root>\n")
