import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as typedPerform } from '../../src/justclick/delete-order';
import { deleteOrderSample } from '../../src/justclick/samples';
import { caught } from '../support/zapier-error';
import { CREDENTIAL_ERRORS, GENERAL_ERRORS, JUSTCLICK, authData, body, loose, signed } from './support';

const perform = loose(typedPerform);
const appTester = createAppTester(App);

describe('Delete Order', () => {
  it('sends DeleteOrder with the number (the sample)', async () => {
    const scope = nock(JUSTCLICK).post('/api/DeleteOrder', body('bill_id=100000')).reply(200, signed(0, 'OK'));
    await expect(appTester(perform, { authData, inputData: { bill_id: ' 100000 ' } })).resolves.toEqual(
      deleteOrderSample,
    );
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [302, 'Несуществующий номер заказа', 'there is no order with this number'],
    [200, 'Заказ не существует', 'the order does not exist'],
    [400, 'Заказ с таким номером не существует', 'there is no order with this number'],
  ])('an unknown number (error %i) is an error naming Order Number', async (code, text, explanation) => {
    nock(JUSTCLICK).post('/api/DeleteOrder', body('bill_id=424242')).reply(200, signed(code, text));
    const error = await caught(appTester(perform, { authData, inputData: { bill_id: '424242' } }));
    expect(error).toMatchObject({
      message:
        `Order Number: JustClick has no order 424242 (error ${code} "${text}": ${explanation}). Nothing was deleted. ` +
        'Check the number in the order list of your JustClick account; if this step ran before, the order may ' +
        'already be deleted.',
      code: 'JustClickOrderNotFound',
    });
  });

  it.each([[203, 'no order number', 'no order number was given'], ...GENERAL_ERRORS])(
    "explains error %i with JustClick's text",
    async (code, text, explanation) => {
      nock(JUSTCLICK).post('/api/DeleteOrder').reply(200, signed(code, text));
      expect((await caught(appTester(perform, { authData, inputData: { bill_id: '1' } }))).message).toBe(
        `JustClick refused the request: error ${code} "${text}" (${explanation}).`,
      );
    },
  );

  it('a server error: the order may or may not be deleted, and the user is told to check it', async () => {
    nock(JUSTCLICK).post('/api/DeleteOrder').reply(500, 'oops');
    expect((await caught(appTester(perform, { authData, inputData: { bill_id: '100000' } }))).message).toBe(
      'JustClick answered with a server error (HTTP 500). The change may or may not have been applied: check the ' +
        'order in JustClick before you replay this step.',
    );
  });

  it.each(CREDENTIAL_ERRORS)('error %i asks to reconnect', async (code, text, advice) => {
    nock(JUSTCLICK).post('/api/DeleteOrder').reply(200, signed(code, text));
    const error = await caught(appTester(perform, { authData, inputData: { bill_id: '1' } }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain(advice);
  });

  it('believes neither "deleted" nor "no such order" unless the hash verifies', async () => {
    for (const answer of [signed(0, 'OK', undefined, 'forged'), signed(302, 'нет', undefined, 'forged')]) {
      nock(JUSTCLICK).post('/api/DeleteOrder').reply(200, answer);
      expect((await caught(appTester(perform, { authData, inputData: { bill_id: '100000' } }))).code).toBe(
        'JustClickUntrustedAnswer',
      );
    }
  });

  it.each([
    ['', 'Order Number: expected the number of the JustClick order to delete; nothing was deleted.'],
    [undefined, 'Order Number: expected the number of the JustClick order to delete; nothing was deleted.'],
    ['A-17', 'Order Number: expected the number of a JustClick order, digits only (got "A-17").'],
    ['100000, 100001', 'Order Number: expected the number of a JustClick order, digits only (got "100000, 100001").'],
  ])('refuses the order number %j before any request', async (billId, message) => {
    expect(await caught(appTester(perform, { authData, inputData: { bill_id: billId } }))).toMatchObject({
      message,
      code: 'InvalidInput',
    });
  });

  it("a pasted list is refused, not cut to its first number, also after the editor's conversion", async () => {
    // zapier-platform invoke converts inputs by field type as Zapier's editor does: an integer field would
    // turn "100000, 100001" into 100000 and delete that order. Order Number is text, so it arrives as typed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's own code, in CommonJS with no types
    const resolveInputDataTypes = require('zapier-platform-cli/src/oclif/commands/invoke/input-types.js') as (
      inputData: Record<string, unknown>,
      fields: unknown[],
      timezone: string,
    ) => Record<string, unknown>;
    const fields = App.creates?.justclick_delete_order?.operation.inputFields as unknown[];
    expect(resolveInputDataTypes({ bill_id: '100000, 100001' }, [{ key: 'bill_id', type: 'integer' }], 'UTC')).toEqual({
      bill_id: 100000,
    });
    const inputData = resolveInputDataTypes({ bill_id: '100000, 100001' }, fields, 'Europe/Moscow');
    expect((await caught(appTester(perform, { authData, inputData }))).code).toBe('InvalidInput');
  });

  it('the help text says that deleting cannot be undone', () => {
    const field = App.creates?.justclick_delete_order?.operation.inputFields?.[0] as { key: string; helpText: string };
    expect(field).toMatchObject({ key: 'bill_id', required: true });
    expect(field.helpText).toContain('**Deleting cannot be undone**');
  });
});
