package printout

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// ErrNoFont is returned by WritePDF when Fonts.Regular is empty.
var ErrNoFont = errors.New("printout: a regular font is needed")

// Fonts are TrueType fonts embedded in the PDF, so text in any language prints. Bold
// and Italic fall back to Regular when empty.
type Fonts struct {
	Regular, Bold, Italic []byte
}

// page layout, in millimetres on A4.
const (
	margin     = 25.0
	bodySize   = 11.5 // points
	lineHeight = 6.2  // mm, for body text
	titleSize  = 20.0
	metaSize   = 9.5
	family     = "hearth"
)

// colours (RGB): text and muted text from Hearth's light palette.
var (
	inkColor   = [3]int{0x2E, 0x32, 0x36}
	mutedColor = [3]int{0x6B, 0x70, 0x75}
	sageColor  = [3]int{0x4A, 0x7A, 0x6C}
)

// WritePDF writes es as an A4 PDF, each entry starting on a new page: its title,
// date, kind, tags and prompt in a quiet header, then the body in readable
// paragraphs. Simple Markdown in the body is honoured (headings, list items, quotes);
// other text prints as written. Pages are numbered "n / total".
func WritePDF(w io.Writer, es []Entry, f Fonts, l Labels) error {
	if len(es) == 0 {
		return ErrNothing
	}
	if len(f.Regular) == 0 {
		return ErrNoFont
	}
	l = l.withDefaults()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	pdf.AddUTF8FontFromBytes(family, "", f.Regular)
	pdf.AddUTF8FontFromBytes(family, "B", orFont(f.Bold, f.Regular))
	pdf.AddUTF8FontFromBytes(family, "I", orFont(f.Italic, f.Regular))
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("printout: load font: %w", err)
	}
	pdf.SetCreator("Hearth", true)
	pdf.SetTitle(title(es[0].Record, l.Untitled), true)
	// A fixed creation date keeps the file free of when it was printed beyond what
	// the entries themselves say, and makes output reproducible.
	pdf.SetCreationDate(es[0].Record.Created)
	pdf.SetModificationDate(es[0].Record.Created)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-margin + 8)
		pdf.SetFont(family, "", metaSize)
		setColor(pdf, mutedColor)
		pdf.CellFormat(0, 5, fmt.Sprintf("%d / {nb}", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	for _, e := range es {
		pdf.AddPage()
		writeEntry(pdf, e, l)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("printout: write pdf: %w", err)
	}
	return nil
}

func orFont(b, fallback []byte) []byte {
	if len(b) == 0 {
		return fallback
	}
	return b
}

func setColor(pdf *fpdf.Fpdf, c [3]int) { pdf.SetTextColor(c[0], c[1], c[2]) }

// writeEntry prints one entry from the current position.
func writeEntry(pdf *fpdf.Fpdf, e Entry, l Labels) {
	r := e.Record
	pdf.SetFont(family, "B", titleSize)
	setColor(pdf, inkColor)
	pdf.MultiCell(0, 9, title(r, l.Untitled), "", "L", false)
	pdf.Ln(1)

	meta := r.Created.Local().Format(dateFormat)
	if r.Created.IsZero() {
		meta = time.Now().Format(dateFormat)
	}
	if e.KindLabel != "" {
		meta += "  ·  " + oneLine(e.KindLabel)
	}
	pdf.SetFont(family, "", metaSize)
	setColor(pdf, mutedColor)
	pdf.MultiCell(0, 5, meta, "", "L", false)
	if len(r.Tags) > 0 {
		pdf.MultiCell(0, 5, l.Tags+": "+strings.Join(r.Tags, ", "), "", "L", false)
	}
	pdf.Ln(3)
	pdf.SetDrawColor(0xE6, 0xDF, 0xD4)
	pdf.Line(margin, pdf.GetY(), margin+40, pdf.GetY())
	pdf.Ln(5)

	if p := oneLine(e.Prompt); p != "" {
		pdf.SetFont(family, "B", metaSize)
		setColor(pdf, sageColor)
		pdf.MultiCell(0, 5, l.Prompt, "", "L", false)
		pdf.SetFont(family, "I", bodySize)
		setColor(pdf, inkColor)
		pdf.MultiCell(0, lineHeight, p, "", "L", false)
		pdf.Ln(4)
	}
	writeBody(pdf, r.Body)
}

// writeBody prints Markdown-ish text as paragraphs.
func writeBody(pdf *fpdf.Fpdf, body string) {
	prev := blockParagraph
	for _, b := range blocks(body) {
		if prev == blockItem && b.kind != blockItem {
			pdf.Ln(2.5) // the end of a list
		}
		prev = b.kind
		switch b.kind {
		case blockHeading:
			pdf.Ln(2)
			pdf.SetFont(family, "B", bodySize+2)
			setColor(pdf, inkColor)
			pdf.MultiCell(0, lineHeight+0.5, b.text, "", "L", false)
			pdf.Ln(1.5)
		case blockItem:
			pdf.SetFont(family, "", bodySize)
			setColor(pdf, inkColor)
			x := pdf.GetX()
			pdf.CellFormat(6, lineHeight, "•", "", 0, "L", false, 0, "")
			pdf.SetX(x + 6)
			pdf.MultiCell(0, lineHeight, b.text, "", "L", false)
			pdf.SetX(x)
			pdf.Ln(1)
		case blockQuote:
			pdf.SetFont(family, "I", bodySize)
			setColor(pdf, mutedColor)
			x := pdf.GetX()
			pdf.SetX(x + 6)
			pdf.MultiCell(0, lineHeight, b.text, "", "L", false)
			pdf.SetX(x)
			pdf.Ln(3)
		default:
			pdf.SetFont(family, "", bodySize)
			setColor(pdf, inkColor)
			pdf.MultiCell(0, lineHeight, b.text, "", "L", false)
			pdf.Ln(3)
		}
	}
}

type blockKind int

const (
	blockParagraph blockKind = iota
	blockHeading
	blockItem
	blockQuote
)

type block struct {
	kind blockKind
	text string
}

// blocks splits a body into paragraphs (blank-line separated, lines kept), headings,
// list items and quotes. Emphasis markers (** and __) are dropped.
func blocks(body string) []block {
	var out []block
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, block{kind: blockParagraph, text: strings.Join(para, "\n")})
			para = nil
		}
	}
	clean := func(s string) string {
		s = strings.ReplaceAll(s, "**", "")
		return strings.ReplaceAll(s, "__", "")
	}
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "#"):
			h := strings.TrimLeft(t, "#")
			if h == "" || h[0] == ' ' {
				flush()
				out = append(out, block{kind: blockHeading, text: clean(strings.TrimSpace(h))})
				continue
			}
			para = append(para, clean(t))
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ "):
			flush()
			out = append(out, block{kind: blockItem, text: clean(strings.TrimSpace(t[2:]))})
		case strings.HasPrefix(t, ">"):
			flush()
			out = append(out, block{kind: blockQuote, text: clean(strings.TrimSpace(strings.TrimLeft(t, ">")))})
		case t == "---" || t == "***":
			flush()
		default:
			para = append(para, clean(t))
		}
	}
	flush()
	return out
}
