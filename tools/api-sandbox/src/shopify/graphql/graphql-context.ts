import type { ShopProfile } from '../dataset/dataset.types';
import type { ShopDataset } from '../dataset/shop-dataset';
import type { SearchWarning } from '../dataset/order-search';
import type { BulkPaging } from './connection';

/** A bulk operation as the GraphQL layer sees it. */
export interface BulkOperationView {
  __typename: 'BulkOperation';
  id: string;
  status: string;
  errorCode: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: null;
  query: string;
  type: 'QUERY';
  createdAt: string;
  completedAt: string | null;
}

export interface BulkUserError {
  code: 'INVALID' | 'OPERATION_IN_PROGRESS' | 'LIMIT_REACHED' | null;
  field: string[] | null;
  message: string;
}

/** The port through which resolvers start and read bulk operations. */
export interface BulkOperationsPort {
  run(query: string): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] };
  cancel(id: string): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] };
  current(): BulkOperationView | null;
  get(id: string): BulkOperationView | null;
}

export interface GraphqlShop {
  profile: ShopProfile;
  dataset: ShopDataset;
  bulk: BulkOperationsPort;
}

export interface GraphqlContext {
  shop: GraphqlShop;
  /** Present only while a bulk operation executes its query. */
  bulk?: BulkPaging;
  searchWarnings: { path: string[]; query: string; warnings: SearchWarning[] }[];
}
