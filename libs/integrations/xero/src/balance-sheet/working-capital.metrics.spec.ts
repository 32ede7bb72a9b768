import { accounts, line, report, section, total } from '../test/balance-sheet-wire';
import { parseBalanceSheet } from './balance-sheet.parser';
import { ReportUnreconciledError } from './report-errors';
import { ratio, workingCapitalOf } from './working-capital.metrics';

const figuresOf = (rows: Parameters<typeof report>[0], chart: Parameters<typeof accounts>[0], currency: string) =>
  workingCapitalOf(parseBalanceSheet(report(rows), accounts(chart), currency), currency);

describe('working capital from a balance sheet, by account meaning', () => {
  it('standard layout: Bank section, Current Assets, Current Liabilities (GBP)', () => {
    const chart: [string, string, string?][] = [
      ['b1', 'BANK'], ['b2', 'BANK'], ['ar', 'CURRENT', 'DEBTORS'], ['inv', 'INVENTORY'], ['pre', 'PREPAYMENT'],
      ['fx', 'FIXED'], ['ap', 'CURRLIAB', 'CREDITORS'], ['vat', 'CURRLIAB', 'GST'], ['loan', 'TERMLIAB'], ['re', 'EQUITY'],
    ];
    const rows = [
      section('Assets', []),
      section('Bank', [line('Business Cheque', 'b1', '18250.40'), line('Savings', 'b2', '5000.05'), total('Total Bank', '23250.45')]),
      section('Current Assets', [
        line('Accounts Receivable', 'ar', '12400.00'), line('Inventory', 'inv', '30500.00'), line('Prepayments', 'pre', '1200.10'),
        total('Total Current Assets', '44100.10'),
      ]),
      section('Fixed Assets', [line('Office Equipment', 'fx', '8000.00'), total('Total Fixed Assets', '8000.00')]),
      section('', [total('Total Assets', '75350.55')]),
      section('Liabilities', []),
      section('Current Liabilities', [line('Accounts Payable', 'ap', '9800.00'), line('VAT', 'vat', '2340.55'), total('Total Current Liabilities', '12140.55')]),
      section('Non-Current Liabilities', [line('Bank Loan', 'loan', '20000.00'), total('Total Non-Current Liabilities', '20000.00')]),
      section('', [total('Total Liabilities', '32140.55')]),
      section('', [line('Net Assets', undefined, '43210.00')]),
      section('Equity', [line('Current Year Earnings', undefined, '13210.00'), line('Retained Earnings', 're', '30000.00'), total('Total Equity', '43210.00')]),
    ];
    expect(figuresOf(rows, chart, 'GBP')).toEqual({
      currency: 'GBP',
      cash: '23250.45',
      accountsReceivable: '12400.00',
      inventory: '30500.00',
      otherCurrentAssets: '1200.10',
      currentAssets: '67350.55',
      accountsPayable: '9800.00',
      otherCurrentLiabilities: '2340.55',
      currentLiabilities: '12140.55',
      workingCapital: '55210.00',
      currentRatio: 5.5476,
      quickRatio: 3.0353,
    });
  });

  it('Bank folded into Current Assets, inventory among them (EUR)', () => {
    const chart: [string, string, string?][] = [
      ['giro', 'BANK'], ['dep', 'BANK'], ['ar', 'CURRENT', 'DEBTORS'], ['pre', 'PREPAYMENT'], ['stock', 'INVENTORY'],
      ['ap', 'CURRLIAB', 'CREDITORS'], ['vat', 'CURRLIAB', 'GST'],
    ];
    const rows = [
      section('Current Assets', [
        line('Girokonto', 'giro', '10412.37'), line('Deposit', 'dep', '2500.00'), line('Accounts Receivable', 'ar', '8760.15'),
        line('Prepayments', 'pre', '640.00'), line('Stock on hand', 'stock', '15220.48'), total('Total Current Assets', '37533.00'),
      ]),
      section('Current Liabilities', [line('Accounts Payable', 'ap', '12004.90'), line('VAT', 'vat', '3120.10'), total('Total Current Liabilities', '15125.00')]),
    ];
    expect(figuresOf(rows, chart, 'EUR')).toMatchObject({
      cash: '12912.37',
      accountsReceivable: '8760.15',
      inventory: '15220.48',
      otherCurrentAssets: '640.00',
      currentAssets: '37533.00',
      accountsPayable: '12004.90',
      currentLiabilities: '15125.00',
      workingCapital: '22408.00',
      currentRatio: 2.4815,
      quickRatio: 1.4752,
    });
  });

  it('inventory in its own section, an overdrawn bank, a LIABILITY-type line placed by its section (AUD)', () => {
    const chart: [string, string, string?][] = [
      ['op', 'BANK'], ['res', 'BANK'], ['ar', 'CURRENT', 'DEBTORS'], ['sun', 'CURRENT'], ['raw', 'INVENTORY'], ['fin', 'INVENTORY'],
      ['ap', 'CURRLIAB', 'CREDITORS'], ['gst', 'CURRLIAB', 'GST'], ['wages', 'LIABILITY'],
    ];
    const rows = [
      section('Bank', [line('Operating', 'op', '-1520.30'), line('Reserve', 'res', '7000.00'), total('Total Bank', '5479.70')]),
      section('Current Assets', [line('Accounts Receivable', 'ar', '22150.00'), line('Sundry debtors', 'sun', '310.25'), total('Total Current Assets', '22460.25')]),
      section('Inventory', [line('Raw materials', 'raw', '9100.00'), line('Finished goods', 'fin', '4260.60'), total('Total Inventory', '13360.60')]),
      section('Current Liabilities', [
        line('Accounts Payable', 'ap', '8450.00'), line('GST', 'gst', '1290.45'), line('Accrued wages', 'wages', '2200.00'),
        total('Total Current Liabilities', '11940.45'),
      ]),
    ];
    expect(figuresOf(rows, chart, 'AUD')).toEqual({
      currency: 'AUD',
      cash: '5479.70',
      accountsReceivable: '22150.00',
      inventory: '13360.60',
      otherCurrentAssets: '310.25',
      currentAssets: '41300.55',
      accountsPayable: '8450.00',
      otherCurrentLiabilities: '3490.45',
      currentLiabilities: '11940.45',
      workingCapital: '29360.10',
      currentRatio: 3.4589,
      quickRatio: 2.3399,
    });
  });

  it('renamed, non-English titles: only the account types identify the lines (CAD, French)', () => {
    const chart: [string, string, string?][] = [
      ['cc', 'BANK'], ['cl', 'CURRENT', 'DEBTORS'], ['st', 'INVENTORY'], ['cpa', 'PREPAYMENT'], ['imm', 'FIXED'],
      ['fo', 'CURRLIAB', 'CREDITORS'], ['tax', 'CURRLIAB', 'GST'],
    ];
    const rows = [
      section('Actif', []),
      section('Encaisse', [line('Compte courant', 'cc', '9876.54'), total('Total encaisse', '9876.54')]),
      section('Actifs à court terme', [
        line('Clients', 'cl', '4321.00'), line('Stocks', 'st', '2500.50'), line("Charges payées d'avance", 'cpa', '199.99'),
        total('Total actifs à court terme', '7021.49'),
      ]),
      section('Immobilisations', [line('Matériel', 'imm', '15000.00'), total('Total immobilisations', '15000.00')]),
      section('Passifs à court terme', [line('Fournisseurs', 'fo', '3100.00'), line('TPS/TVQ à payer', 'tax', '845.67'), total('Total passifs à court terme', '3945.67')]),
      section('Capitaux propres', [line("Bénéfices de l'exercice", undefined, '27952.36'), total('Total capitaux propres', '27952.36')]),
    ];
    expect(figuresOf(rows, chart, 'CAD')).toMatchObject({
      cash: '9876.54',
      accountsReceivable: '4321.00',
      inventory: '2500.50',
      otherCurrentAssets: '199.99',
      currentAssets: '16898.03',
      accountsPayable: '3100.00',
      currentLiabilities: '3945.67',
      workingCapital: '12952.36',
      currentRatio: 4.2827,
      quickRatio: 3.6489,
    });
  });

  it('no current liabilities: ratios are null with the reason next to them', () => {
    const rows = [section('Bank', [line('Cheque', 'b', '1000.00'), total('Total Bank', '1000.00')])];
    expect(figuresOf(rows, [['b', 'BANK']], 'NZD')).toMatchObject({
      currentAssets: '1000.00',
      currentLiabilities: '0.00',
      workingCapital: '1000.00',
      currentRatio: null,
      quickRatio: null,
      ratiosUnavailableReason: 'current liabilities are zero',
    });
  });

  it('a zero-decimal currency is exact in its own units (JPY)', () => {
    const rows = [
      section('Bank', [line('Futsu', 'b', '1250000'), total('Total Bank', '1250000')]),
      section('Current Liabilities', [line('Kaikake', 'ap', '400000'), total('Total Current Liabilities', '400000')]),
    ];
    expect(figuresOf(rows, [['b', 'BANK'], ['ap', 'CURRLIAB', 'CREDITORS']], 'JPY')).toMatchObject({
      cash: '1250000', currentAssets: '1250000', currentLiabilities: '400000', workingCapital: '850000', currentRatio: 3.125, quickRatio: 3.125,
    });
  });
});

describe('a report that does not reconcile is refused, not published', () => {
  const chart: [string, string, string?][] = [['b', 'BANK'], ['ar', 'CURRENT', 'DEBTORS'], ['ap', 'CURRLIAB', 'CREDITORS']];

  it("a section's lines add up to something other than Xero's total row", () => {
    const rows = [section('Current Assets', [line('Cheque', 'b', '100.00'), line('Debtors', 'ar', '50.00'), total('Total Current Assets', '150.01')])];
    expect(() => figuresOf(rows, chart, 'GBP')).toThrow(ReportUnreconciledError);
    expect(() => figuresOf(rows, chart, 'GBP')).toThrow(/add up to 150.00 but the report's total row says 150.01/);
  });

  it('a line in a current section that neither its account nor its title identifies', () => {
    const rows = [section('Actifs courants', [line('Cheque', 'b', '100.00'), line('Divers', undefined, '20.00'), total('Total', '120.00')])];
    expect(() => figuresOf(rows, chart, 'GBP')).toThrow(/could not be classified/);
  });

  it('a current section without a total row', () => {
    const rows = [section('Bank', [line('Cheque', 'b', '100.00')])];
    expect(() => figuresOf(rows, chart, 'GBP')).toThrow(/no total row/);
  });

  it('reports a code of report_unreconciled, not retryable', () => {
    const error = new ReportUnreconciledError('x');
    expect([error.code, error.retryable]).toEqual(['report_unreconciled', false]);
  });
});

describe('ratio', () => {
  it.each([
    [17_511_5n, 100_000n, 1.7512],
    [17_511_4n, 100_000n, 1.7511],
    [-3n, 2n, -1.5],
    [1n, 3n, 0.3333],
    [2n, 3n, 0.6667],
  ])('%s / %s = %s', (a, b, expected) => expect(ratio(a, b)).toBe(expected));
});
