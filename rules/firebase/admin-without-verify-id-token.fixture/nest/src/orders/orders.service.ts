import { Injectable } from '@nestjs/common';
import { getFirestore } from 'firebase-admin/firestore';

@Injectable()
export class OrdersService {
  private readonly db = getFirestore();

  async listAll() {
    const snap = await this.db.collection('orders').get();
    return snap.docs.map((d) => d.data());
  }

  async rename(orderId: string, label: string) {
    await this.db.collection('orders').doc(orderId).update({ label });
  }
}
